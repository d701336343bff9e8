using Clinic.Users.Internal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Admin.Internal;

/// <summary>Singleton: the registered models resolved against the users context's EF Core model (once).</summary>
internal sealed class AdminSite
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<ClinicAdminOptions> _options;
    private readonly IOptions<ClinicUsersOptions> _usersOptions;
    private readonly ClinicUsersMarker _marker;
    private readonly Lock _gate = new();
    private Resolved? _resolved;

    public AdminSite(IServiceScopeFactory scopes, IOptions<ClinicAdminOptions> options, IOptions<ClinicUsersOptions> usersOptions, ClinicUsersMarker marker)
    {
        _scopes = scopes;
        _options = options;
        _usersOptions = usersOptions;
        _marker = marker;
    }

    public ClinicAdminOptions Options => _options.Value;

    public Type ContextType => _marker.ContextType;

    public IReadOnlyList<AdminModel> Models => Resolve().Models;

    /// <summary>The user model's app label and model name, for its permissions (<c>"erp.change_erpuser"</c>).</summary>
    public (string AppLabel, string ModelName) UserModel => (AdminNames.AppLabel(_marker.UserType, _marker.ContextType, _usersOptions.Value), AdminNames.ModelName(_marker.UserType));

    public string UserPerm(string action) => UserModel.AppLabel + "." + action + "_" + UserModel.ModelName;

    public IModel EfModel => Resolve().EfModel;

    public AdminModel? Find(string appLabel, string modelName) =>
        Models.FirstOrDefault(m => string.Equals(m.AppLabel, appLabel, StringComparison.Ordinal) && string.Equals(m.ModelName, modelName, StringComparison.Ordinal));

    public AdminModel? Find(Type type) => Models.FirstOrDefault(m => m.ClrType == type);

    /// <summary>Resolves every registration; the errors say what to change (used by start-up validation too).</summary>
    public static (List<AdminModel> Models, IModel EfModel) Build(IServiceScopeFactory scopes, ClinicAdminOptions options, ClinicUsersOptions usersOptions, Type contextType, List<string> errors)
    {
        using var scope = scopes.CreateScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(contextType);
        var model = context.Model;
        var models = new List<AdminModel>();
        foreach (var registration in options.Registrations)
        {
            var resolved = AdminModelFactory.Create(registration, model, contextType, usersOptions, options, errors);
            if (resolved is not null)
            {
                models.Add(resolved);
            }
        }

        foreach (var duplicate in models.GroupBy(m => m.ContentType, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"Two registered entities are both \"{duplicate.Key}\"; give one another app label.");
        }

        foreach (var reserved in models.Where(m => m.ClrType.IsAssignableTo(typeof(ClinicUser)) || m.ClrType == typeof(ClinicGroup) || m.ClrType == typeof(ClinicPermission) || m.ClrType == typeof(AdminLogEntry)))
        {
            errors.Add($"{reserved.ClrType.Name} has its own admin screens; remove its registration.");
        }

        return (models, model);
    }

    private Resolved Resolve()
    {
        if (_resolved is { } done)
        {
            return done;
        }

        lock (_gate)
        {
            if (_resolved is null)
            {
                var errors = new List<string>();
                var (models, model) = Build(_scopes, _options.Value, _usersOptions.Value, _marker.ContextType, errors);
                if (errors.Count > 0)
                {
                    throw new InvalidOperationException("The admin registrations are invalid: " + string.Join(" ", errors));
                }

                _resolved = new Resolved(models, model);
            }

            return _resolved;
        }
    }

    private sealed record Resolved(List<AdminModel> Models, IModel EfModel);
}
