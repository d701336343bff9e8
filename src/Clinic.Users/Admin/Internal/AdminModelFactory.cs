using System.ComponentModel.DataAnnotations;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Clinic.Users.Admin.Internal;

/// <summary>Resolves registrations against the EF Core model; every problem is reported with what to change.</summary>
internal static class AdminModelFactory
{
    public static AdminModel Create(AdminRegistration registration, IModel model, Type contextType, ClinicUsersOptions usersOptions, ClinicAdminOptions adminOptions, List<string> errors)
    {
        var type = registration.EntityType;
        var entityType = model.FindEntityType(type);
        var name = type.Name;
        if (entityType is null || entityType.IsOwned())
        {
            errors.Add($"{name} is registered with the admin but is not an entity of {contextType.Name}; add a DbSet<{name}> or remove the registration.");
            return null!;
        }

        var key = entityType.FindPrimaryKey();
        if (key is null || key.Properties.Count != 1 || key.Properties[0].PropertyInfo is null)
        {
            errors.Add($"{name} needs a single-property key to be edited in the admin (composite, shadow and keyless types are not supported).");
            return null!;
        }

        if (type.IsAbstract || type.GetConstructor(Type.EmptyTypes) is null)
        {
            errors.Add($"{name} needs a public parameterless constructor to be added through the admin.");
        }

        var excluded = new HashSet<string>(registration.Exclude, StringComparer.Ordinal);
        var readOnly = new HashSet<string>(registration.ReadOnly, StringComparer.Ordinal);
        var order = type.GetProperties().Select((p, i) => (p.Name, i)).GroupBy(x => x.Name).ToDictionary(g => g.Key, g => g.First().i, StringComparer.Ordinal);
        var all = new Dictionary<string, AdminField>(StringComparer.Ordinal);
        var tokens = new List<IProperty>();
        foreach (var property in entityType.GetProperties().Where(p => p.PropertyInfo is not null).OrderBy(p => order.GetValueOrDefault(p.Name, int.MaxValue)))
        {
            if (property.IsConcurrencyToken && !property.IsPrimaryKey())
            {
                tokens.Add(property);
                continue;
            }

            var field = FieldFor(property, readOnly.Contains(property.Name));
            if (field is not null)
            {
                all[property.Name] = field;
            }
        }

        foreach (var secret in all.Keys.Where(k => IsSecret(all[k].Clr)).ToList())
        {
            excluded.Add(secret);
        }

        var fields = all.Values.Where(f => !excluded.Contains(f.Name)).ToList();
        var list = Pick(registration.List, "List", f => true);
        var search = Pick(registration.Search, "Search", f => f.ValueType == typeof(string));
        var filters = Pick(registration.Filters, "Filter", f => f.Kind is not (AdminFieldKind.TextArea));
        if (registration.OrderBy is { } orderBy)
        {
            Pick([orderBy], "OrderBy", f => true);
        }

        foreach (var action in registration.Actions)
        {
            if (!AdminModelBuilder<object>.IsActionName(action.Name) || action.Name == "delete_selected")
            {
                errors.Add($"The admin action \"{action.Name}\" of {name} needs a name of lower-case letters, digits and underscores, other than delete_selected.");
            }

            if (action.Permission is not ("view" or "add" or "change" or "delete"))
            {
                errors.Add($"The admin action \"{action.Name}\" of {name} names the permission \"{action.Permission}\"; use view, add, change or delete.");
            }
        }

        if (registration.Actions.GroupBy(a => a.Name, StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            errors.Add($"{name} has two admin actions with the same name.");
        }

        if (registration.PerPage is < 1 or > 1000)
        {
            errors.Add($"PerPage of {name} is {registration.PerPage}; choose between 1 and 1,000.");
        }

        var verbose = AdminNames.VerboseName(type);
        return new AdminModel
        {
            Registration = registration,
            EntityType = entityType,
            Key = key.Properties[0],
            AppLabel = AdminNames.AppLabel(type, contextType, usersOptions),
            ModelName = AdminNames.ModelName(type),
            VerboseName = verbose,
            VerboseNamePlural = AdminNames.Plural(verbose),
            ListColumns = list,
            SearchFields = search,
            Filters = filters,
            Fields = fields,
            ConcurrencyTokens = tokens,
            Queries = (IEntityQueries)Activator.CreateInstance(registration.QueriesType)!,
            PerPage = registration.PerPage ?? adminOptions.ListPerPage,
        };

        List<AdminField> Pick(IReadOnlyList<string> names, string what, Func<AdminField, bool> allowed)
        {
            var picked = new List<AdminField>();
            foreach (var n in names)
            {
                if (excluded.Contains(n))
                {
                    errors.Add($"{what}: {name}.{n} is excluded from the admin (or looks like a secret) and cannot be listed, searched, filtered or sorted.");
                }
                else if (!all.TryGetValue(n, out var field))
                {
                    errors.Add($"{what}: {name}.{n} is not a mapped scalar property the admin can show.");
                }
                else if (!allowed(field))
                {
                    errors.Add($"{what}: {name}.{n} cannot be used there (search fields must be strings; long text cannot be a filter).");
                }
                else
                {
                    picked.Add(field);
                }
            }

            return picked;
        }
    }

    /// <summary>A field for any mapped scalar property (also used for the lists of other entities).</summary>
    public static AdminField? FieldFor(IProperty property, bool readOnly)
    {
        var clr = property.PropertyInfo!;
        var valueType = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        var foreignKey = property.GetContainingForeignKeys().FirstOrDefault(fk => fk.Properties.Count == 1);
        var dataType = clr.GetCustomAttribute<DataTypeAttribute>()?.DataType;
        AdminFieldKind? kind = foreignKey is not null ? AdminFieldKind.ForeignKey
            : valueType == typeof(string) ? (dataType == DataType.EmailAddress || clr.IsDefined(typeof(EmailAddressAttribute)) ? AdminFieldKind.Email
                : dataType == DataType.MultilineText || (property.GetMaxLength() is null && clr.GetCustomAttribute<StringLengthAttribute>() is null) ? AdminFieldKind.TextArea
                : AdminFieldKind.Text)
            : valueType == typeof(bool) ? AdminFieldKind.Boolean
            : valueType.IsEnum ? AdminFieldKind.Choice
            : valueType == typeof(int) || valueType == typeof(long) || valueType == typeof(short) || valueType == typeof(byte) ? AdminFieldKind.Integer
            : valueType == typeof(decimal) || valueType == typeof(double) || valueType == typeof(float) ? AdminFieldKind.Decimal
            : valueType == typeof(DateOnly) ? AdminFieldKind.Date
            : valueType == typeof(DateTime) || valueType == typeof(DateTimeOffset) ? AdminFieldKind.DateTime
            : valueType == typeof(TimeOnly) ? AdminFieldKind.Time
            : valueType == typeof(Guid) ? AdminFieldKind.Guid
            : null;
        if (kind is null || clr.GetCustomAttribute<ScaffoldColumnAttribute>() is { Scaffold: false })
        {
            return null;
        }

        var isKey = property.IsPrimaryKey();
        var display = clr.GetCustomAttribute<DisplayAttribute>();
        return new AdminField
        {
            Property = property,
            Clr = clr,
            Label = AdminNames.Label(clr),
            Kind = kind.Value,
            ValueType = valueType,
            Required = valueType != typeof(bool) && (!property.IsNullable || clr.IsDefined(typeof(RequiredAttribute))),
            MaxLength = property.GetMaxLength() ?? clr.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength ?? clr.GetCustomAttribute<MaxLengthAttribute>()?.Length,
            Help = display?.GetDescription(),
            ReadOnly = readOnly || clr.GetCustomAttribute<EditableAttribute>() is { AllowEdit: false } || clr.SetMethod is null || (isKey && property.ValueGenerated != ValueGenerated.Never),
            AddOnly = isKey && property.ValueGenerated == ValueGenerated.Never,
            Principal = foreignKey?.PrincipalEntityType,
            Choices = valueType.IsEnum
                ? [.. Enum.GetNames(valueType).Select(n => new KeyValuePair<string, string>(n, AdminNames.CapFirst(n)))]
                : [],
        };
    }

    /// <summary>Never shown nor bound: passwords and secrets by annotation or by name.</summary>
    private static bool IsSecret(PropertyInfo property) =>
        property.GetCustomAttribute<DataTypeAttribute>()?.DataType == DataType.Password ||
        property.Name.Contains("password", StringComparison.OrdinalIgnoreCase) ||
        property.Name.Contains("secret", StringComparison.OrdinalIgnoreCase);
}
