namespace Clinic.Signals.Internal;

/// <summary>
/// An on-commit action waiting for the EF Core transaction <see cref="TransactionId"/> to commit (the id, not the
/// ADO.NET transaction object, which a provider such as Npgsql reuses from one transaction to the next).
/// </summary>
internal sealed record PendingCommitAction(Guid TransactionId, Func<CancellationToken, ValueTask> Action);
