using Clinic.LoadTest;

// dotnet run -c Release --project benchmarks/Clinic.LoadTest -- --scenario rendering
// Builds the comparison host in Release, serves it on 127.0.0.1 pinned to core 0, drives every endpoint of the
// scenario with wrk pinned to core 1, alternating the endpoints in each repetition (rotating who goes first), and
// prints a markdown table. Traffic only ever goes to 127.0.0.1, bounded by --seconds x --repetitions.
LoadOptions options;
string? redisAddress;
try
{
    options = LoadOptions.Parse(CachingRedisServer.TakeOption(args, out redisAddress));
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

if (options.ListOnly)
{
    foreach (var s in Scenario.All)
    {
        Console.WriteLine($"{s.Name}: {s.Description}");
    }

    return 0;
}

var scenario = Scenario.All.FirstOrDefault(s => s.Name == options.Scenario);
if (scenario is null)
{
    Console.Error.WriteLine($"Unknown scenario '{options.Scenario}'. Known: {string.Join(", ", Scenario.All.Select(s => s.Name))}.");
    return 2;
}

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancellation.Cancel(); };
var root = RepositoryRoot();

// The caching and sessions scenarios' Redis rows: a throw-away redis-server (or --redis HOST:PORT), inherited by the host.
await using var redis = scenario.Name is "caching" or "sessions" ? await CachingRedisServer.StartAsync(redisAddress, cancellation.Token) : null;
await using var host = await HostProcess.StartAsync(root, options, cancellation.Token);

// One request each first: the body size goes in the table, so "the same page" can be checked at a glance.
var sizes = new Dictionary<string, long>();
using (var client = new HttpClient { BaseAddress = host.BaseAddress })
{
    foreach (var endpoint in scenario.Endpoints)
    {
        using var response = await client.GetAsync(new Uri(endpoint.Path, UriKind.Relative), cancellation.Token);
        sizes[endpoint.Label] = (await response.Content.ReadAsByteArrayAsync(cancellation.Token)).Length;
    }
}

// Warm-up: JIT, tiered compilation and connection pools settle before anything is recorded.
var warmup = options.WithSeconds(2);
foreach (var endpoint in scenario.Endpoints)
{
    await WrkRun.RunAsync(new Uri(host.BaseAddress, endpoint.Path).ToString(), warmup, cancellation.Token, endpoint.WrkScriptPath(root));
}

var runs = scenario.Endpoints.ToDictionary(e => e.Label, _ => new List<WrkRun>());
for (var rep = 0; rep < options.Repetitions; rep++)
{
    // Rotate the order so no endpoint always runs first (or last) in a repetition.
    var order = scenario.Endpoints.Skip(rep % scenario.Endpoints.Count).Concat(scenario.Endpoints.Take(rep % scenario.Endpoints.Count));
    foreach (var endpoint in order)
    {
        var run = await WrkRun.RunAsync(new Uri(host.BaseAddress, endpoint.Path).ToString(), options, cancellation.Token, endpoint.WrkScriptPath(root));
        runs[endpoint.Label].Add(run);
        Console.Error.WriteLine($"rep {rep + 1}/{options.Repetitions} {endpoint.Label}: {run.RequestsPerSecond:N0} req/s");
    }
}

Console.WriteLine(Report.ToMarkdown(scenario, options, runs, sizes));
if (scenario.Name == "sessions")
{
    Console.WriteLine(SessionComparisons.ToMarkdown(runs));
}

return 0;

static string RepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Clinic.slnx")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run the harness from inside the repository (Clinic.slnx not found).");
}
