using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Clinic.Profiles.Internal;

/// <summary>Gives <see cref="ClinicProfilesOptions.MediaRoot"/> its default, the folder <c>media</c> under the content root.</summary>
internal sealed class ClinicProfilesOptionsSetup(IServiceProvider services) : IPostConfigureOptions<ClinicProfilesOptions>
{
    public void PostConfigure(string? name, ClinicProfilesOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.MediaRoot)
            && services.GetService(typeof(IHostEnvironment)) is IHostEnvironment environment
            && !string.IsNullOrEmpty(environment.ContentRootPath))
        {
            options.MediaRoot = Path.Combine(environment.ContentRootPath, ClinicProfilesDefaults.MediaRootFolderName);
        }
    }
}
