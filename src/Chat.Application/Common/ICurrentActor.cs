namespace Chat.Application.Common;

/// <summary>Resolves who is calling a use case (the signed-in user of this circuit or request).</summary>
public interface ICurrentActor
{
    /// <summary>The caller; <see cref="Actor.Anonymous"/> when nobody is signed in.</summary>
    ValueTask<Actor> GetAsync(CancellationToken cancellationToken = default);
}
