namespace Chat.Application.People;

/// <summary>Looks people of the workspace up, for pickers and mentions.</summary>
public interface IUserDirectory
{
    /// <summary>Up to <paramref name="limit"/> people whose name or e-mail contains <paramref name="query"/>, by name.</summary>
    Task<IReadOnlyList<Person>> SearchAsync(string query, int limit, CancellationToken cancellationToken);

    /// <summary>The people with these ids that exist.</summary>
    Task<IReadOnlyList<Person>> FindAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken);

    /// <summary>The people with these handles (lowercase, without the @) that exist.</summary>
    Task<IReadOnlyList<Person>> FindByHandlesAsync(IReadOnlyCollection<string> handles, CancellationToken cancellationToken);
}

/// <param name="Handle">What others type after @ to mention them.</param>
public sealed record Person(string Id, string DisplayName, string Email, string Handle);
