using Clinic.Users;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Users.Tests.Infrastructure;

[Route("forms")]
public sealed class FormsController : Controller
{
    /// <summary>What <c>&lt;partial name="ClinicUsers/_LoginForm" for="Login" /&gt;</c> does in a page: the partial under a field prefix.</summary>
    [HttpGet("prefixed/{prefix}")]
    public IActionResult Prefixed(string prefix)
    {
        ViewData.TemplateInfo.HtmlFieldPrefix = prefix;
        return PartialView("ClinicUsers/_LoginForm", new LoginViewModel { Email = "a@example.com" });
    }

    /// <summary>Two forms' fields in one post, told apart by their prefixes.</summary>
    [HttpPost("two")]
    public IActionResult Two([Bind(Prefix = "Login")] LoginViewModel login, [Bind(Prefix = "Register")] RegisterViewModel register) =>
        Content($"{login.Email}|{login.Password}|{register.Email}|{register.Password}|{ModelState.IsValid}");

    [HttpGet("{name}")]
    public IActionResult Show(string name) => name switch
    {
        "login" => PartialView("ClinicUsers/_LoginForm", new LoginViewModel { Email = "a@example.com", Password = "secret" }),
        "register" => PartialView("ClinicUsers/_RegisterForm", new RegisterViewModel()),
        "change" => PartialView("ClinicUsers/_ChangePasswordForm", new ChangePasswordViewModel()),
        "set" => PartialView("ClinicUsers/_SetPasswordForm", new SetPasswordViewModel()),
        "user" => PartialView("ClinicUsers/_UserChangeForm", new UserChangeViewModel { Email = "a@example.com" }),
        _ => NotFound(),
    };
}
