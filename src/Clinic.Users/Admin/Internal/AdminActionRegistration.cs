using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin.Internal;

/// <summary>A bulk action registered with <see cref="AdminModelBuilder{TEntity}.Action"/>; <see cref="Run"/> returns the message to show.</summary>
internal sealed record AdminActionRegistration(
    string Name,
    string Description,
    string Permission,
    Func<AdminActionInvocation, IReadOnlyList<object>, Task<string?>> Run);

/// <summary>The request and context an action runs with.</summary>
internal sealed record AdminActionInvocation(HttpContext HttpContext, DbContext DbContext);
