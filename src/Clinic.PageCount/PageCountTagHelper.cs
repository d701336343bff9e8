using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace Clinic.PageCount;

/// <summary>
/// <c>&lt;page-count path="/doctors" /&gt;</c> renders <c>&lt;span class="page-count"&gt;1,234&lt;/span&gt;</c>: the
/// page's human views, including views not yet written. Without <c>path</c>, the current request's path. Register with
/// <c>@addTagHelper *, Clinic.PageCount</c>.
/// </summary>
[HtmlTargetElement("page-count", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PageCountTagHelper : TagHelper
{
    private readonly IPageCounts _counts;

    /// <summary>Created by Razor with the application's <see cref="IPageCounts"/>.</summary>
    public PageCountTagHelper(IPageCounts counts) => _counts = counts;

    /// <summary>The page (path or route pattern); default the current request's path.</summary>
    [HtmlAttributeName("path")]
    public string? Path { get; set; }

    /// <summary>Show bot views instead of human views. Default <see langword="false"/>.</summary>
    [HtmlAttributeName("bots")]
    public bool Bots { get; set; }

    /// <summary>Set by Razor.</summary>
    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext? ViewContext { get; set; }

    /// <inheritdoc />
    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var page = Path ?? ViewContext?.HttpContext.Request.Path.Value ?? "/";
        var counts = await _counts.GetAsync(page, ViewContext?.HttpContext.RequestAborted ?? CancellationToken.None);
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("class", "page-count");
        output.Content.SetContent((Bots ? counts.BotViews : counts.Views).ToString("N0", CultureInfo.InvariantCulture));
    }
}
