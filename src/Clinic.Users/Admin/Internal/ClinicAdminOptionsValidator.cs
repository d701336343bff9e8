using Clinic.Users.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Admin.Internal;

/// <summary>Start-up validation of <see cref="ClinicAdminOptions"/>, registrations included (checked against the EF Core model).</summary>
internal sealed class ClinicAdminOptionsValidator : IValidateOptions<ClinicAdminOptions>
{
    private readonly IServiceScopeFactory _scopes;
    private readonly IOptions<ClinicUsersOptions> _usersOptions;
    private readonly ClinicUsersMarker _marker;

    public ClinicAdminOptionsValidator(IServiceScopeFactory scopes, IOptions<ClinicUsersOptions> usersOptions, ClinicUsersMarker marker)
    {
        _scopes = scopes;
        _usersOptions = usersOptions;
        _marker = marker;
    }

    public ValidateOptionsResult Validate(string? name, ClinicAdminOptions options)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SiteTitle))
        {
            errors.Add("ClinicAdminOptions.SiteTitle is empty; give the admin a title (default \"Clinic administration\").");
        }

        if (options.ListPerPage is < 1 or > 1000)
        {
            errors.Add($"ClinicAdminOptions.ListPerPage is {options.ListPerPage}; choose between 1 and 1,000 (default 100).");
        }

        if (options.ForeignKeyChoices is < 1 or > 500)
        {
            errors.Add($"ClinicAdminOptions.ForeignKeyChoices is {options.ForeignKeyChoices}; choose between 1 and 500 (default 20).");
        }

        if (options.RecentActions is < 0 or > 100)
        {
            errors.Add($"ClinicAdminOptions.RecentActions is {options.RecentActions}; choose between 0 and 100 (default 10).");
        }

        if (options.DeleteConfirmationLimit is < 1 or > 10_000)
        {
            errors.Add($"ClinicAdminOptions.DeleteConfirmationLimit is {options.DeleteConfirmationLimit}; choose between 1 and 10,000 (default 100).");
        }

        if (errors.Count == 0)
        {
            AdminSite.Build(_scopes, options, _usersOptions.Value, _marker.ContextType, errors);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
