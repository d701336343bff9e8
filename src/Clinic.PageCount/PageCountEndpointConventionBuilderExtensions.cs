using Microsoft.AspNetCore.Builder;

namespace Clinic.PageCount;

/// <summary>Marks endpoints whose views are counted.</summary>
public static class PageCountEndpointConventionBuilderExtensions
{
    /// <summary>Counts successful GETs of these endpoints, keyed as <paramref name="keyBy"/> says (default: the options).</summary>
    public static TBuilder WithPageCount<TBuilder>(this TBuilder builder, PageCountKey? keyBy = null)
        where TBuilder : IEndpointConventionBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var attribute = new PageCountAttribute();
        if (keyBy is { } value)
        {
            attribute.KeyBy = value;
        }

        return builder.WithMetadata(attribute);
    }
}
