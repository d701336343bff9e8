using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Users.Admin;

/// <summary>What an admin action (<see cref="AdminModelBuilder{TEntity}.Action"/>) receives.</summary>
/// <typeparam name="TEntity">The entity type.</typeparam>
public sealed class AdminActionContext<TEntity>
    where TEntity : class
{
    internal AdminActionContext(HttpContext httpContext, DbContext dbContext, IReadOnlyList<TEntity> items)
    {
        HttpContext = httpContext;
        DbContext = dbContext;
        Items = items;
    }

    /// <summary>The request.</summary>
    public HttpContext HttpContext { get; }

    /// <summary>The users context; the admin saves it after the action, with a history entry for each changed object.</summary>
    public DbContext DbContext { get; }

    /// <summary>The selected objects, tracked by <see cref="DbContext"/>: change them and the admin saves the changes.</summary>
    public IReadOnlyList<TEntity> Items { get; }

    /// <summary>The message shown after the action; "Action done on N objects." when left <see langword="null"/>.</summary>
    public string? Message { get; set; }
}
