using Clinic.CookiesSessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Session;

/// <summary>
/// Clinic.CookiesSessions' server-side session (stored in the sample's database): a visit counter, the session's
/// expiry, a per-session expiry and "forget me" (flush).
/// </summary>
public sealed class IndexModel : PageModel
{
    public const string VisitsKey = "erp.visits";

    public ExpiryForm Expiry { get; set; } = new();

    public int Visits { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public bool ExpiresAtBrowserClose { get; private set; }

    /// <summary>The client address Clinic.Users recorded in the session at sign-in; <see langword="null"/> when signed out.</summary>
    public string? SignInAddress { get; private set; }

    public void OnGet()
    {
        var session = HttpContext.GetClinicSession();
        Visits = (session.GetInt32(VisitsKey) ?? 0) + 1;
        session.SetInt32(VisitsKey, Visits);
        Describe(session);
    }

    public IActionResult OnPostExpiry([Bind(Prefix = nameof(Expiry))] ExpiryForm expiry)
    {
        Expiry = expiry;
        var session = HttpContext.GetClinicSession();
        if (!ModelState.IsValid || expiry.Minutes is not { } minutes)
        {
            Visits = session.GetInt32(VisitsKey) ?? 0;
            Describe(session);
            return Page();
        }

        session.SetExpiry(TimeSpan.FromMinutes(minutes));
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostForgetAsync(CancellationToken cancellationToken)
    {
        await HttpContext.GetClinicSession().FlushAsync(cancellationToken);
        return RedirectToPage();
    }

    private void Describe(IClinicSession session)
    {
        ExpiresAt = session.GetExpiryDate();
        ExpiresAtBrowserClose = session.GetExpireAtBrowserClose();
        SignInAddress = session.GetString(Clinic.Users.ClinicUsersDefaults.SessionUserIpKey);
    }
}
