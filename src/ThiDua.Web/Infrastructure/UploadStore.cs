namespace ThiDua.Infrastructure;

/// <summary>
/// Uploaded files waiting for a background job, in one folder every app instance reaches
/// (<c>Storage:UploadsPath</c>, default <c>data/uploads</c>; a shared volume when instances run on several
/// machines). Files get generated names: the user's file name is kept on the job row only.
/// </summary>
public sealed class UploadStore(IConfiguration config)
{
    public string Folder { get; } = Path.GetFullPath(config["Storage:UploadsPath"] ?? "data/uploads");

    public async Task<string> SaveAsync(Stream content, string extension, CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        var name = FormattableString.Invariant($"{Guid.NewGuid():N}{extension}");
        var path = Path.Combine(Folder, name);
        try
        {
            await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await content.CopyToAsync(file, ct);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        return name;
    }

    /// <summary>The stored file, or null when it is gone (removed, or the folder is not shared with this instance).</summary>
    public Stream? OpenRead(string name)
    {
        var path = PathOf(name);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string? name)
    {
        if (name is null) return;
        try { File.Delete(PathOf(name)); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    // Names come from SaveAsync; anything else (a path, "..") is refused rather than followed.
    private string PathOf(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') && !name.Contains("..", StringComparison.Ordinal)
            ? Path.Combine(Folder, name)
            : throw new ArgumentException("not a stored upload name", nameof(name));
}
