using System.Globalization;

namespace Chat.Bench;

/// <summary>Command-line options and the nearest-rank percentile every benchmark reports.</summary>
internal static class BenchArgs
{
    public static int Option(string[] args, string name, int fallback) =>
        int.TryParse(Option(args, name, string.Empty), CultureInfo.InvariantCulture, out var value) ? value : fallback;

    public static string Option(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
