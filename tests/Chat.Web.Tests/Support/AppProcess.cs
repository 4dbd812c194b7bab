using System.Diagnostics;

namespace Chat.Web.Tests.Support;

/// <summary>Runs the built app as its own process, the way an operator starts it.</summary>
public static class AppProcess
{
    public sealed record Run(int ExitCode, string StandardOutput, string StandardError);

    public static async Task<Run> RunUntilExitAsync(IDictionary<string, string> environment, TimeSpan? timeout = null)
    {
        var appPath = typeof(Program).Assembly.Location;
        var start = new ProcessStartInfo("dotnet", [appPath])
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The app did not stop by itself.");
        }

        return new Run(process.ExitCode, await output, await error);
    }
}
