namespace Clinic.CookiesSessions;

/// <summary>
/// Where sessions live. Narrow on purpose: every store (in-memory, EF Core, file, <c>IDistributedCache</c>) passes the
/// same contract tests. Failures throw; they are never swallowed.
/// </summary>
public interface IClinicSessionStore
{
    /// <summary>The record for <paramref name="key"/>, or <see langword="null"/> when there is none or it has expired.</summary>
    /// <param name="key">A valid session key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The record or <see langword="null"/>.</returns>
    Task<SessionRecord?> LoadAsync(string key, CancellationToken cancellationToken);

    /// <summary>Stores a new record; returns <see langword="false"/> (and changes nothing) when the key is taken.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether the record was created.</returns>
    Task<bool> CreateAsync(SessionRecord record, CancellationToken cancellationToken);

    /// <summary>Replaces an existing record; returns <see langword="false"/> (and creates nothing) when it no longer exists.</summary>
    /// <param name="record">The record.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Whether a record was updated.</returns>
    Task<bool> UpdateAsync(SessionRecord record, CancellationToken cancellationToken);

    /// <summary>Removes the record if it exists.</summary>
    /// <param name="key">The session key.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task.</returns>
    Task DeleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Removes every expired record (Django's <c>clearsessions</c>).</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many records were removed (0 for stores that expire entries themselves).</returns>
    Task<int> DeleteExpiredAsync(CancellationToken cancellationToken);
}
