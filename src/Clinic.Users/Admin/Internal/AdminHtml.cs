using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Clinic.Users.Admin.Internal;

/// <summary>Renders every error of a form field (Django's <c>errorlist</c>), encoded.</summary>
internal static class AdminHtml
{
    public static IHtmlContent Errors(this IHtmlHelper html, string key)
    {
        var errors = html.ViewData.ModelState.TryGetValue(key, out var entry) ? entry.Errors : null;
        if (errors is null || errors.Count == 0)
        {
            return HtmlString.Empty;
        }

        var builder = new HtmlContentBuilder();
        builder.AppendHtml("<ul class=\"errorlist\">");
        foreach (var error in errors)
        {
            builder.AppendHtml("<li>").Append(string.IsNullOrEmpty(error.ErrorMessage) ? "Enter a valid value." : error.ErrorMessage).AppendHtml("</li>");
        }

        builder.AppendHtml("</ul>");
        return builder;
    }
}
