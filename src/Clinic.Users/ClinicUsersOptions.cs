namespace Clinic.Users;

/// <summary>Options of Clinic.Users, set in <c>services.AddClinicUsers&lt;TUser, TContext&gt;(o =&gt; …)</c>.</summary>
public sealed class ClinicUsersOptions
{
    /// <summary>
    /// The app label of entities that name none (with <see cref="ModelPermissionsAttribute"/> or <see cref="AppLabels"/>);
    /// <see langword="null"/> (the default) means the last segment of the context's assembly name, lower-cased
    /// (<c>Clinic.Erp</c> → <c>erp</c>).
    /// </summary>
    public string? DefaultAppLabel { get; set; }

    /// <summary>App labels per entity type, taking precedence over <see cref="ModelPermissionsAttribute.AppLabel"/>. Empty by default.</summary>
    public IDictionary<Type, string> AppLabels { get; } = new Dictionary<Type, string>();

    /// <summary>Whether the default and custom permissions of every entity are created at start-up when missing; <see langword="true"/> by default.</summary>
    public bool CreatePermissionsOnStartup { get; set; } = true;

    /// <summary>Names of existing groups every new user joins (Django has no such setting; a user-created receiver is the alternative). Empty by default.</summary>
    public IList<string> DefaultGroups { get; } = new List<string>();

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of new password hashes (Identity V3 format); 210,000 by default (OWASP's figure
    /// for HMAC-SHA512). Stored hashes with fewer iterations are rehashed at the next successful sign-in. Values below
    /// the default are meant for tests only; at least 1,000.
    /// </summary>
    public int PasswordIterations { get; set; } = ClinicUsersDefaults.PasswordIterations;

    /// <summary>Minimum password length (Django's <c>MinimumLengthValidator</c>); 8 by default.</summary>
    public int MinimumPasswordLength { get; set; } = 8;

    /// <summary>
    /// Maximum password length accepted anywhere (forms, sign-in, validators), bounding the work one request can
    /// cause; 4,096 by default (ASVS asks for at least 64).
    /// </summary>
    public int MaximumPasswordLength { get; set; } = ClinicUsersDefaults.MaximumPasswordLength;

    /// <summary>Whether Identity's composition rules (digit, upper case, symbol…) are switched off, leaving Django's four validators (always registered) to judge passwords; <see langword="true"/> by default.</summary>
    public bool UseDjangoPasswordValidators { get; set; } = true;

    /// <summary>
    /// How long a user's session state (security stamp, active flag) may be served from the cache before it is
    /// re-read from the database; 5 minutes by default. Changes made through the user manager invalidate it at once;
    /// this only bounds changes written to the database behind its back.
    /// </summary>
    public TimeSpan SessionStateCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Where an anonymous visitor of a protected page is sent to sign in (Django's <c>LOGIN_URL</c>), with the page in
    /// <c>?ReturnUrl=</c>; <c>/accounts/login/</c> by default. Becomes the application cookie's <c>LoginPath</c>.
    /// </summary>
    public string LoginPath { get; set; } = "/accounts/login/";

    /// <summary>The sign-out page; <c>/accounts/logout/</c> by default. Becomes the application cookie's <c>LogoutPath</c>.</summary>
    public string LogoutPath { get; set; } = "/accounts/logout/";

    /// <summary>
    /// Where a signed-in user without the permission is sent; <see langword="null"/> (the default) answers
    /// <c>403 Forbidden</c> instead, as Django's permission checks do for a signed-in user. Becomes the application
    /// cookie's <c>AccessDeniedPath</c> when set.
    /// </summary>
    public string? AccessDeniedPath { get; set; }
}
