using Clinic.Testing.CookiesSessions;

namespace Clinic.CookiesSessions.Tests.Sessions;

/// <summary>Forwards the contract's operations to an <see cref="IClinicSessionStore"/>.</summary>
public abstract class StoreTestBase : SessionStoreContractTests
{
    protected abstract IClinicSessionStore Store { get; }

    protected override async Task<(string Data, DateTime ExpiresUtc)?> LoadAsync(string key) =>
        await Store.LoadAsync(key, CancellationToken.None) is { } record ? (record.Data, record.ExpiresUtc) : null;

    protected override Task<bool> CreateAsync(string key, string data, DateTime expiresUtc) =>
        Store.CreateAsync(new SessionRecord { Key = key, Data = data, ExpiresUtc = expiresUtc }, CancellationToken.None);

    protected override Task<bool> UpdateAsync(string key, string data, DateTime expiresUtc) =>
        Store.UpdateAsync(new SessionRecord { Key = key, Data = data, ExpiresUtc = expiresUtc }, CancellationToken.None);

    protected override Task DeleteAsync(string key) => Store.DeleteAsync(key, CancellationToken.None);

    protected override Task<int> DeleteExpiredAsync() => Store.DeleteExpiredAsync(CancellationToken.None);
}
