using Chat.Domain.Common;

namespace Chat.Application.Common;

/// <summary>
/// A use case run on behalf of the current actor. Every implementation checks who is asking and
/// validates its request before it touches anything, and reports expected failures as a <see cref="Result"/>.
/// </summary>
public interface IUseCase<in TRequest, TResponse>
{
    Task<Result<TResponse>> HandleAsync(TRequest request, CancellationToken cancellationToken = default);
}
