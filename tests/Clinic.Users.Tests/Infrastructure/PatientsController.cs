using Clinic.Users;
using Microsoft.AspNetCore.Mvc;

namespace Clinic.Users.Tests.Infrastructure;

[Route("mvc/patients")]
[RequirePermission("erp.view_patient")]
public sealed class PatientsController : Controller
{
    [HttpGet]
    public IActionResult Index() => Content("mvc patients");

    [HttpGet("edit")]
    [RequirePermission("erp.change_patient")]
    public IActionResult Edit() => Content("mvc edit");
}
