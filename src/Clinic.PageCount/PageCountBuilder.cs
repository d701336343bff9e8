using Microsoft.Extensions.DependencyInjection;

namespace Clinic.PageCount;

/// <summary>Returned by <c>AddClinicPageCount</c>: choose a store with its extension methods.</summary>
public sealed class PageCountBuilder
{
    internal PageCountBuilder(IServiceCollection services) => Services = services;

    /// <summary>The application's services.</summary>
    public IServiceCollection Services { get; }
}
