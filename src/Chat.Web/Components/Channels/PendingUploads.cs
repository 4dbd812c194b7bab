namespace Chat.Web.Components.Channels;

/// <summary>The files being uploaded from one composer, as the browser reports them, until they are sent.</summary>
public sealed class PendingUploads
{
    private readonly List<PendingUpload> _uploads = [];

    public IReadOnlyList<PendingUpload> All => _uploads;

    /// <summary>Whether any upload is still on its way (sending waits for them).</summary>
    public bool InProgress => _uploads.Any(u => u.FileId is null && u.Error is null);

    /// <summary>The stored files to share with the message.</summary>
    public IReadOnlyList<Guid> FileIds => [.. _uploads.Where(u => u.FileId is not null).Select(u => u.FileId!.Value)];

    public void Started(string localId, string name) => _uploads.Add(new PendingUpload(localId, name));

    public void Progressed(string localId, int percent) => Update(localId, u => u with { Percent = Math.Clamp(percent, 0, 100) });

    public void Finished(string localId, Guid fileId) => Update(localId, u => u with { Percent = 100, FileId = fileId });

    public void Failed(string localId, string error) => Update(localId, u => u with { Error = error });

    public void Remove(string localId) => _uploads.RemoveAll(u => u.LocalId == localId);

    /// <summary>After sending: the files shared are gone from the composer; failed ones stay to show why.</summary>
    public void Sent(IReadOnlyList<Guid> fileIds) => _uploads.RemoveAll(u => u.FileId is { } id && fileIds.Contains(id));

    private void Update(string localId, Func<PendingUpload, PendingUpload> change)
    {
        var index = _uploads.FindIndex(u => u.LocalId == localId);
        if (index >= 0)
        {
            _uploads[index] = change(_uploads[index]);
        }
    }
}

/// <param name="LocalId">The browser's id for the upload.</param>
public sealed record PendingUpload(string LocalId, string Name, int Percent = 0, Guid? FileId = null, string? Error = null)
{
    /// <summary>"uploading", "done" or "failed", for the composer's script and styles.</summary>
    public string State => Error is not null ? "failed" : FileId is null ? "uploading" : "done";
}
