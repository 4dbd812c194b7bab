using Microsoft.Extensions.Options;

namespace Chat.Infrastructure.Events;

/// <summary>The <c>Redis</c> section: set <see cref="Connection"/> to run several nodes side by side.</summary>
public sealed class RedisOptions
{
    public const string Section = "Redis";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379</c>. Unset: one node, events in process.</summary>
    public string? Connection { get; set; }

    public bool IsEnabled => !string.IsNullOrWhiteSpace(Connection);
}

internal sealed class RedisOptionsValidator : IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        if (!options.IsEnabled)
        {
            return ValidateOptionsResult.Success;
        }

        try
        {
            StackExchange.Redis.ConfigurationOptions.Parse(options.Connection!);
            return ValidateOptionsResult.Success;
        }
        catch (ArgumentException e)
        {
            return ValidateOptionsResult.Fail($"Redis:Connection is not a valid Redis configuration: {e.Message}");
        }
    }
}
