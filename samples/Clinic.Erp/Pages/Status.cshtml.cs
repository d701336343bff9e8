using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Erp.Pages;

/// <summary>
/// The page behind every empty error response (<c>UseStatusCodePagesWithReExecute</c>): "page not found", "access
/// denied" and the rest, in the site's layout and with the original status code.
/// </summary>
[AllowAnonymous]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }

    public string Heading { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet(int code)
    {
        // Re-executed: keep the original status; opened directly: answer with the status it describes (else 404).
        Code = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode
            ?? (code is >= 400 and <= 599 ? code : StatusCodes.Status404NotFound);
        Response.StatusCode = Code;

        (Heading, Explanation) = Code switch
        {
            StatusCodes.Status403Forbidden => ("Access denied", "Your account may not open this page. Sign in as someone who may, or go back."),
            StatusCodes.Status404NotFound => ("Page not found", "There is nothing here, or nothing you may see."),
            StatusCodes.Status400BadRequest => ("Bad request", "The request could not be understood. Reload the page and try again."),
            StatusCodes.Status405MethodNotAllowed => ("Not allowed", "This page does not accept that kind of request."),
            _ => ("Something went wrong", "The request could not be completed."),
        };
    }
}
