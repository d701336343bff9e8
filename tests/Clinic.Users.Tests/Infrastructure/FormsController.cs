using Clinic.Users;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Users.Tests.Infrastructure;

[Route("forms")]
public sealed class FormsController : Controller
{
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
