using System.Reflection;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.AspNetCore.Mvc.Controllers;

namespace Clinic.Users.Admin.Controllers;

/// <summary>Adds the admin's controllers, which are internal so they stay out of the package's public API.</summary>
internal sealed class AdminControllerFeatureProvider : IApplicationFeatureProvider<ControllerFeature>
{
    public void PopulateFeature(IEnumerable<ApplicationPart> parts, ControllerFeature feature)
    {
        foreach (var type in typeof(AdminController).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(AdminController)) && !t.IsAbstract))
        {
            var info = type.GetTypeInfo();
            if (!feature.Controllers.Contains(info))
            {
                feature.Controllers.Add(info);
            }
        }
    }
}
