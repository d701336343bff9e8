using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>
/// Binds the admin's entity form onto an entity: only the fields the form shows (never excluded, read-only or
/// unknown ones), parsed by type with Django's messages, then checked with the entity's data annotations, the EF Core
/// model's lengths and the existence of foreign-key targets.
/// </summary>
internal static class EntityForm
{
    public const string RequiredMessage = "This field is required.";

    public static async Task<FormErrors> BindAsync(DbContext db, AdminModel model, object entity, IFormCollection form, bool adding, CancellationToken cancellationToken)
    {
        var errors = new FormErrors();
        foreach (var field in model.Fields)
        {
            if (field.ReadOnly || (field.AddOnly && !adding))
            {
                continue;
            }

            if (field.Kind == AdminFieldKind.Boolean)
            {
                var on = form[field.Name].Any(v => v is "true" or "on" or "1");
                field.Clr.SetValue(entity, field.Property.ClrType == typeof(bool?) && !form.ContainsKey(field.Name) ? null : on);
                continue;
            }

            var raw = form[field.Name].ToString();
            if (string.IsNullOrWhiteSpace(raw) && field.ValueType != typeof(string))
            {
                if (field.Required)
                {
                    errors.Add(field.Name, RequiredMessage);
                }
                else
                {
                    field.Clr.SetValue(entity, null);
                }

                continue;
            }

            if (field.ValueType == typeof(string))
            {
                if (raw.Length == 0 && field.Required)
                {
                    errors.Add(field.Name, RequiredMessage);
                    continue;
                }

                if (field.MaxLength is { } max && raw.Length > max)
                {
                    errors.Add(field.Name, $"Ensure this value has at most {max} characters (it has {raw.Length}).");
                    continue;
                }

                field.Clr.SetValue(entity, raw.Length == 0 && field.Property.IsNullable ? null : raw);
                continue;
            }

            if (!AdminValues.TryParse(raw, field.ValueType, out var value, out var message))
            {
                errors.Add(field.Name, message);
                continue;
            }

            if (field.Principal is { } principal && value is not null)
            {
                var principalKey = principal.FindPrimaryKey()!.Properties[0];
                var exists = await EntityQueriesCache.For(principal.ClrType).FindAsync(db, principalKey, value, tracked: false, cancellationToken);
                if (exists is null)
                {
                    errors.Add(field.Name, "Select a valid choice. That choice is not one of the available choices.");
                    continue;
                }
            }

            field.Clr.SetValue(entity, value);
        }

        var results = new List<ValidationResult>();
        Validator.TryValidateObject(entity, new ValidationContext(entity), results, validateAllProperties: true);
        var shown = model.Fields.Where(f => !f.ReadOnly).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var result in results)
        {
            var members = result.MemberNames.ToList();
            if (members.Count == 0)
            {
                errors.AddNonField(result.ErrorMessage ?? "Please correct the errors below.");
            }

            foreach (var member in members.Where(m => shown.Contains(m) && !errors.Has(m)))
            {
                errors.Add(member, result.ErrorMessage ?? "Enter a valid value.");
            }
        }

        return errors;
    }
}
