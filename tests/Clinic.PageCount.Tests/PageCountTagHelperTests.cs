using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount.Tests;

public sealed class PageCountTagHelperTests
{
    private static async Task<string> RenderAsync(IPageCounts counts, string? path, bool bots = false, string requestPath = "/here")
    {
        var http = new DefaultHttpContext();
        http.Request.Path = requestPath;
        var helper = new PageCountTagHelper(counts)
        {
            Path = path,
            Bots = bots,
            ViewContext = new ViewContext { HttpContext = http },
        };
        var context = new TagHelperContext("page-count", [], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("page-count", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        await helper.ProcessAsync(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public async Task Process_PathGiven_RendersCountIncludingUnflushed()
    {
        var services = new ServiceCollection();
        services.AddClinicPageCount();
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IPageCountStore>();
        await store.IncrementAsync([new PageCountDelta("/x", 1233, 7)], default);
        provider.GetRequiredService<Internal.PageCountRegistry>().Increment("/X", bot: false);
        var counts = provider.GetRequiredService<IPageCounts>();

        Assert.Equal("<span class=\"page-count\">1,234</span>", await RenderAsync(counts, "/x"));
        Assert.Equal("<span class=\"page-count\">7</span>", await RenderAsync(counts, "/x", bots: true));
        Assert.Equal("<span class=\"page-count\">0</span>", await RenderAsync(counts, null));
        Assert.Equal("<span class=\"page-count\">1,234</span>", await RenderAsync(counts, null, requestPath: "/X"));
    }
}
