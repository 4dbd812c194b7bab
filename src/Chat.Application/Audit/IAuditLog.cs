using Chat.Domain.Audit;

namespace Chat.Application.Audit;

/// <summary>The append-only audit log: entries are added, never changed or removed.</summary>
public interface IAuditLog
{
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The newest entries first, optionally only those of one action.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAsync(string? action, int limit, CancellationToken cancellationToken);
}
