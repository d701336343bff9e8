using Clinic.Users.Admin.Internal;

namespace Clinic.Users.Admin;

/// <summary>Options of the admin panel, set in <c>AddClinicUsers&lt;TUser, TContext&gt;().AddAdmin(admin =&gt; …)</c>.</summary>
public sealed class ClinicAdminOptions
{
    private readonly List<AdminRegistration> _registrations = [];

    /// <summary>The title shown on every page; "Clinic administration" by default.</summary>
    public string SiteTitle { get; set; } = "Clinic administration";

    /// <summary>Rows per list page (Django's <c>list_per_page</c>); 100 by default, between 1 and 1,000.</summary>
    public int ListPerPage { get; set; } = 100;

    /// <summary>Most options a foreign-key picker offers for one search (the current value is always added); 20 by default, between 1 and 500.</summary>
    public int ForeignKeyChoices { get; set; } = 20;

    /// <summary>How many of the user's own recent actions the dashboard shows; 10 by default, between 0 and 100.</summary>
    public int RecentActions { get; set; } = 10;

    /// <summary>Most dependent objects listed (and counted) per relation on a delete confirmation page; 100 by default, between 1 and 10,000.</summary>
    public int DeleteConfirmationLimit { get; set; } = 100;

    internal IReadOnlyList<AdminRegistration> Registrations => _registrations;

    /// <summary>Registers an entity of the users context with the admin (Django's <c>admin.site.register</c>).</summary>
    /// <typeparam name="TEntity">The entity type; it must be mapped by the context with a single-property key.</typeparam>
    /// <param name="configure">Chooses list columns, search fields, filters, ordering, excluded fields and actions.</param>
    /// <returns>These options, for chaining.</returns>
    public ClinicAdminOptions Register<TEntity>(Action<AdminModelBuilder<TEntity>>? configure = null)
        where TEntity : class
    {
        var builder = new AdminModelBuilder<TEntity>();
        configure?.Invoke(builder);
        _registrations.Add(builder.Build());
        return this;
    }
}
