using System.Globalization;

namespace Clinic.LoadTest;

/// <summary>Command-line options of the harness, with the defaults used for the committed results.</summary>
internal sealed class LoadOptions
{
    public string Scenario { get; private set; } = "rendering";

    /// <summary>Seconds per wrk run (default 5).</summary>
    public int Seconds { get; private set; } = 5;

    /// <summary>Measured repetitions of every endpoint, alternated (default 5).</summary>
    public int Repetitions { get; private set; } = 5;

    /// <summary>Open connections (default 32).</summary>
    public int Connections { get; private set; } = 32;

    /// <summary>wrk threads (default 1: one core is the client's).</summary>
    public int Threads { get; private set; } = 1;

    /// <summary>Core the server is pinned to (default 0); null when the machine has one core.</summary>
    public int? ServerCore { get; private set; }

    /// <summary>Core wrk is pinned to (default 1).</summary>
    public int? ClientCore { get; private set; }

    public bool ListOnly { get; private set; }

    /// <summary>A copy with another run length (used for the warm-up).</summary>
    public LoadOptions WithSeconds(int seconds)
    {
        var copy = (LoadOptions)MemberwiseClone();
        copy.Seconds = seconds;
        return copy;
    }

    public static LoadOptions Parse(string[] args)
    {
        var options = new LoadOptions();
        if (Environment.ProcessorCount >= 2)
        {
            options.ServerCore = 0;
            options.ClientCore = 1;
        }

        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--scenario": options.Scenario = Next(); break;
                case "--seconds": options.Seconds = PositiveInt(Next(), "--seconds"); break;
                case "--repetitions": options.Repetitions = PositiveInt(Next(), "--repetitions"); break;
                case "--connections": options.Connections = PositiveInt(Next(), "--connections"); break;
                case "--threads": options.Threads = PositiveInt(Next(), "--threads"); break;
                case "--list": options.ListOnly = true; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --scenario NAME --seconds N --repetitions N --connections N --threads N --list");
            }
        }

        return options;
    }

    private static int PositiveInt(string value, string option) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new ArgumentException($"{option} must be a positive whole number, not '{value}'");
}
