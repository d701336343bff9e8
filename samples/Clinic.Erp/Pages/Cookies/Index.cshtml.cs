using System.ComponentModel.DataAnnotations;
using Clinic.CookiesSessions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages.Cookies;

/// <summary>
/// Sets, reads and deletes a plain cookie and a signed cookie with Clinic.CookiesSessions' helpers, and shows what the
/// browser sent back and whether the signed one is still valid.
/// </summary>
public sealed class IndexModel : PageModel
{
    public const string PlainCookieName = "erp_plain";
    public const string SignedCookieName = "erp_signed";

    public PlainCookieForm PlainForm { get; set; } = new();

    public SignedCookieForm SignedForm { get; set; } = new();

    /// <summary>The salt the signed cookie is read with (query string <c>salt</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "salt")]
    [StringLength(40, ErrorMessage = "Keep the salt under {1} characters.")]
    public string? ReadSalt { get; set; }

    /// <summary>The oldest signature accepted on reading, in seconds (query string <c>maxAge</c>).</summary>
    [BindProperty(SupportsGet = true, Name = "maxAge")]
    [Range(1, 31_536_000, ErrorMessage = "The max age is between {1} and {2} seconds.")]
    public int? ReadMaxAgeSeconds { get; set; }

    public string? PlainValue { get; private set; }

    public SignedCookieResult SignedResult { get; private set; } = SignedCookieResult.Failed(SignedCookieStatus.Missing);

    /// <summary>"valid", "missing" or "invalid" (tampered, malformed, read with another salt, or expired).</summary>
    public string SignedState => SignedResult.Status switch
    {
        SignedCookieStatus.Valid => "valid",
        SignedCookieStatus.Missing => "missing",
        _ => "invalid",
    };

    /// <summary>Every cookie the browser sent with this request, as it sent it.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> BrowserCookies { get; private set; } = [];

    public void OnGet() => Read();

    public IActionResult OnPostSetPlain([Bind(Prefix = nameof(PlainForm))] PlainCookieForm form)
    {
        PlainForm = form;
        if (!ModelState.IsValid)
        {
            Read();
            return Page();
        }

        Response.SetCookie(PlainCookieName, form.Value);
        return RedirectToPage();
    }

    public IActionResult OnPostDeletePlain()
    {
        Response.DeleteCookie(PlainCookieName);
        return RedirectToPage();
    }

    public IActionResult OnPostSetSigned([Bind(Prefix = nameof(SignedForm))] SignedCookieForm form)
    {
        SignedForm = form;
        if (!ModelState.IsValid)
        {
            Read();
            return Page();
        }

        var settings = form.ExpiryMinutes is { } minutes ? new CookieSettings { MaxAge = TimeSpan.FromMinutes(minutes) } : null;
        Response.SetSignedCookie(SignedCookieName, form.Value, form.Salt ?? string.Empty, settings);
        return RedirectToPage(new { salt = form.Salt, maxAge = form.MaxAgeSeconds });
    }

    public IActionResult OnPostDeleteSigned()
    {
        Response.DeleteCookie(SignedCookieName);
        return RedirectToPage();
    }

    /// <summary>The user-facing explanation of a signed cookie's state.</summary>
    public static string Explain(SignedCookieStatus status) => status switch
    {
        SignedCookieStatus.Valid => "The signature checks out.",
        SignedCookieStatus.Missing => "The browser sent no signed cookie.",
        SignedCookieStatus.Malformed => "The value is not a signed value at all: it was tampered with.",
        SignedCookieStatus.BadSignature => "The signature does not match: the value was tampered with, or it is read with another salt.",
        SignedCookieStatus.Expired => "The signature is older than the max age it is read with: it has expired.",
        _ => "Unknown state.",
    };

    private void Read()
    {
        PlainValue = Request.GetCookie(PlainCookieName);
        BrowserCookies = [.. Request.Cookies.OrderBy(c => c.Key, StringComparer.Ordinal)];

        // Query parameters that failed validation are not used: the page shows their errors instead of guessing.
        var salt = ModelState.GetFieldValidationState("salt") == ModelValidationState.Invalid
            ? string.Empty
            : ReadSalt ?? string.Empty;
        var maxAge = ModelState.GetFieldValidationState("maxAge") == ModelValidationState.Invalid
            ? null
            : ReadMaxAgeSeconds;
        SignedResult = Request.ReadSignedCookie(SignedCookieName, salt, maxAge is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
    }
}
