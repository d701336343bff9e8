using System.Text.Json;
using Clinic.CookiesSessions.Internal;
using Clinic.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using Xunit.Abstractions;

namespace Clinic.CookiesSessions.Tests.Crash;

/// <summary>
/// SESS-08: session writes against a real server process, SIGKILLed at a random moment; then the store is scanned and
/// the server restarted on it. Every write acknowledged with a 2xx before the kill must be there, nothing may be torn,
/// and the restarted server answers every surviving session without an error. (SECURITY.md runs 200 rps and kills in
/// 5-25 s; the suite uses unthrottled writers and kills 1-4 s after the first 50 writes, to stay short.)
/// </summary>
public sealed class CrashSafetyTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("sqlite")]
    [InlineData("file")]
    [InlineData("postgres")]
    [Trait("Case", "SESS-08")]
    public async Task KillMidWrites_AcknowledgedWritesSurviveAndNothingIsTorn(string store)
    {
        using var sqlite = store == "sqlite" ? new SqliteTestFile("clinic_crash_") : null;
        await using var postgres = store == "postgres" ? await PostgresTestDatabase.CreateAsync("clinic_crash_") : null;
        var target = sqlite?.Path ?? postgres?.ConnectionString ?? Directory.CreateTempSubdirectory("clinic-crash-").FullName;
        try
        {
            IReadOnlyList<WriterSession> sessions;
            await using (var host = await CrashHost.StartAsync(store, target))
            {
                await using var writers = SessionWriters.Start(host.BaseAddress, workers: 8, pause: TimeSpan.Zero);

                // Writes under way first (a cold start on a busy machine is slow), then the kill at a random moment.
                var started = DateTime.UtcNow;
                while (writers.Outcomes.Count(o => o.Status == 200) < 50 && DateTime.UtcNow - started < TimeSpan.FromSeconds(60))
                {
                    await Task.Delay(50);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1000, 4000)));
                await host.KillAsync();
                await writers.StopAsync();
                sessions = writers.Sessions;
                var acknowledged = writers.Outcomes.Count(o => o.Status is >= 200 and < 300);
                output.WriteLine($"{store}: {acknowledged} writes acknowledged before the kill; statuses: " +
                    string.Join(", ", writers.Outcomes.GroupBy(o => o.Status).Select(g => $"{g.Key} x{g.Count()}")));
                Assert.True(acknowledged > 0, "no write was acknowledged before the kill");
                Assert.DoesNotContain(writers.Outcomes, o => o.Status >= 400);
            }

            ScanStore(store, target);

            await using (var restarted = await CrashHost.StartAsync(store, target))
            {
                using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = restarted.BaseAddress };
                foreach (var session in sessions.Where(s => s.Acknowledged > 0))
                {
                    // A write in flight at the kill may have landed without its answer, so the store may be ahead.
                    Assert.True(await session.ReadCounterAsync(client) >= session.Acknowledged, $"an acknowledged write of {store} was lost");
                }
            }
        }
        finally
        {
            if (store == "file")
            {
                Directory.Delete(target, recursive: true);
            }
        }
    }

    private static void ScanStore(string store, string target)
    {
        switch (store)
        {
            case "sqlite":
                using (var connection = new SqliteConnection($"Data Source={target};Pooling=False"))
                {
                    connection.Open();
                    using var check = connection.CreateCommand();
                    check.CommandText = "PRAGMA integrity_check;";
                    Assert.Equal("ok", check.ExecuteScalar());
                    using var rows = connection.CreateCommand();
                    rows.CommandText = "SELECT Data FROM clinic_sessions;";
                    using var reader = rows.ExecuteReader();
                    while (reader.Read())
                    {
                        using var _ = JsonDocument.Parse(reader.GetString(0));
                    }
                }

                break;
            case "file":
                // Whole files only: each one decodes; a write cut short can leave only a temporary file.
                foreach (var file in Directory.EnumerateFiles(target, FileSessionStore.FilePrefix + "*"))
                {
                    var record = JsonSerializer.Deserialize<SessionRecord>(File.ReadAllBytes(file));
                    Assert.NotNull(record);
                    using var _ = JsonDocument.Parse(record.Data);
                }

                break;
            default:
                using (var connection = new NpgsqlConnection(target))
                {
                    connection.Open();
                    using var rows = new NpgsqlCommand("SELECT \"Data\" FROM clinic_sessions;", connection);
                    using var reader = rows.ExecuteReader();
                    while (reader.Read())
                    {
                        using var _ = JsonDocument.Parse(reader.GetString(0));
                    }
                }

                break;
        }
    }
}
