namespace Clinic.Users.Admin.Internal.Pages;

/// <summary>The admin's URLs (Django's <c>admin:app_model_change</c> and friends), with encoded segments.</summary>
internal sealed class AdminUrls(string prefix)
{
    public string Prefix => prefix;

    public string Dashboard => prefix + "/";

    public string Css => prefix + "/static/admin.css";

    public string List(string app, string model) => $"{prefix}/{E(app)}/{E(model)}/";

    public string Add(string app, string model) => List(app, model) + "add/";

    public string Change(string app, string model, string id) => List(app, model) + E(id) + "/change/";

    public string Delete(string app, string model, string id) => List(app, model) + E(id) + "/delete/";

    public string History(string app, string model, string id) => List(app, model) + E(id) + "/history/";

    public string Password(string id) => List("auth", "user") + E(id) + "/password/";

    private static string E(string segment) => Uri.EscapeDataString(segment);
}
