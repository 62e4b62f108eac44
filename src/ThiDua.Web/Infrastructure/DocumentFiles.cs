using System.IO.Compression;
using Microsoft.AspNetCore.Http;

namespace ThiDua.Infrastructure;

/// <summary>The kinds of document a user may attach; the type is read from the file's first bytes, never from its name or the browser's claim.</summary>
public enum DocumentKind
{
    Pdf,
    Png,
    Jpeg,
    /// <summary>An Office Open XML package (.docx, .xlsx): a zip holding [Content_Types].xml and the main part of a
    /// Word document or a workbook (<see cref="DocumentFiles.OfficeExtension"/>); its extension comes from that part.</summary>
    OfficeZip,
}

/// <summary>A stored attachment as a feature keeps it on its row: the generated name, the user's file name, the kind and the size.</summary>
public sealed record StoredDocument(string StoredName, string FileName, DocumentKind Kind, long Length)
{
    public string ContentType => DocumentFiles.ContentTypeOf(Kind, FileName);
}

/// <summary>
/// Attachments kept for good (signed agreements, directives, evidence): checked by content, size and type, stored
/// under generated names in the folder every instance shares (<see cref="UploadStore"/>, <c>Storage:UploadsPath</c>),
/// served back only by the feature that owns the row and checks the reader's unit.
/// </summary>
/// <remarks><c>Documents:MaxBytes</c> bounds one file (default 10 MB).</remarks>
public sealed class DocumentFiles(UploadStore store, IConfiguration config)
{
    public long MaxBytes { get; } = Math.Clamp(config.GetValue<long?>("Documents:MaxBytes") ?? 10 * 1024 * 1024, 1024, 200L * 1024 * 1024);

    public static readonly DocumentKind[] PdfOrImage = [DocumentKind.Pdf, DocumentKind.Png, DocumentKind.Jpeg];

    /// <summary>The kind the first bytes show, or null when they match none of the accepted kinds.</summary>
    public static DocumentKind? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith("%PDF-"u8)) return DocumentKind.Pdf;
        if (head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A })) return DocumentKind.Png;
        if (head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return DocumentKind.Jpeg;
        if (head.StartsWith("PK\u0003\u0004"u8)) return DocumentKind.OfficeZip;
        return null;
    }

    public static string Label(DocumentKind k) => k switch
    {
        DocumentKind.Pdf => "PDF",
        DocumentKind.Png => "PNG",
        DocumentKind.Jpeg => "JPG",
        _ => "DOCX/XLSX",
    };

    public static string ContentTypeOf(DocumentKind k, string fileName) => k switch
    {
        DocumentKind.Pdf => "application/pdf",
        DocumentKind.Png => "image/png",
        DocumentKind.Jpeg => "image/jpeg",
        _ => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    };

    /// <summary>
    /// Checks and stores an uploaded file. Returns the stored document, or a Vietnamese message naming
    /// <paramref name="fieldLabel"/> and what is wrong (empty, too large, not one of <paramref name="allowed"/>).
    /// </summary>
    public async Task<(StoredDocument? Document, string? Error)> SaveAsync(IFormFile? file, string fieldLabel, IReadOnlyCollection<DocumentKind> allowed, CancellationToken ct = default)
    {
        var kinds = string.Join(", ", allowed.Select(Label));
        if (file is null || file.Length == 0) return (null, $"{fieldLabel}: chưa chọn tệp (chấp nhận {kinds}).");
        if (file.Length > MaxBytes)
            return (null, $"{fieldLabel}: tệp \"{Shorten(file.FileName)}\" lớn {VnFormat.Number(file.Length / 1024)} KB, vượt giới hạn {VnFormat.Number(MaxBytes / 1024)} KB.");
        var head = new byte[8];
        int read;
        await using (var s = file.OpenReadStream())
        {
            read = await s.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        }
        var kind = Sniff(head.AsSpan(0, read));
        if (kind is null || !allowed.Contains(kind.Value))
            return (null, $"{fieldLabel}: nội dung tệp \"{Shorten(file.FileName)}\" không phải {kinds}.");
        var fileName = file.FileName;
        if (kind == DocumentKind.OfficeZip)
        {
            // "PK" only says zip: any archive would pass. The package must be a Word document or a workbook, and the
            // name it is kept and served under says which, whatever the user's name said.
            await using var zip = file.OpenReadStream();
            if (OfficeExtension(zip) is not { } ext)
                return (null, $"{fieldLabel}: tệp \"{Shorten(file.FileName)}\" là tệp nén nhưng không phải văn bản Word (.docx) hay bảng tính Excel (.xlsx).");
            fileName = Path.ChangeExtension(Path.GetFileName((fileName ?? "").Replace('\\', '/')), ext);
        }
        await using var content = file.OpenReadStream();
        var stored = await store.SaveAsync(content, Extension(kind.Value, fileName), ct);
        return (new StoredDocument(stored, SafeFileName(fileName, kind.Value), kind.Value, file.Length), null);
    }

    /// <summary>Stores bytes produced by the app itself (demo data, generated documents), checked the same way.</summary>
    public async Task<StoredDocument> SaveGeneratedAsync(byte[] content, string fileName, CancellationToken ct = default)
    {
        var kind = Sniff(content) ?? throw new ArgumentException("not an accepted document kind", nameof(content));
        using var ms = new MemoryStream(content, writable: false);
        var stored = await store.SaveAsync(ms, Extension(kind, fileName), ct);
        return new StoredDocument(stored, SafeFileName(fileName, kind), kind, content.LongLength);
    }

    /// <summary>
    /// ".docx" for a Word package, ".xlsx" for a workbook, null for any other zip or a damaged one. Reads only the
    /// archive's directory (no entry is inflated), bounded by the upload size limit.
    /// </summary>
    public static string? OfficeExtension(Stream zip)
    {
        try
        {
            using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
            if (archive.Entries.Count > 10_000 || archive.GetEntry("[Content_Types].xml") is null) return null;
            if (archive.GetEntry("word/document.xml") is not null) return ".docx";
            if (archive.GetEntry("xl/workbook.xml") is not null) return ".xlsx";
            return null;
        }
        catch (InvalidDataException) { return null; }
        catch (IOException) { return null; }
    }

    public Stream? OpenRead(string storedName) => store.OpenRead(storedName);

    public void Delete(string? storedName) => store.Delete(storedName);

    private static string Extension(DocumentKind k, string fileName) => k switch
    {
        DocumentKind.Pdf => ".pdf",
        DocumentKind.Png => ".png",
        DocumentKind.Jpeg => ".jpg",
        _ => fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ".xlsx" : ".docx",
    };

    /// <summary>The user's file name without folders or control characters, at most 200 characters, with the extension its content shows.</summary>
    public static string SafeFileName(string? name, DocumentKind kind)
    {
        var bare = Path.GetFileName((name ?? "").Replace('\\', '/'));
        bare = new string(bare.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray()).Trim();
        var ext = Extension(kind, bare);
        var stem = Path.GetFileNameWithoutExtension(bare);
        if (stem.Length == 0) stem = "tep";
        if (stem.Length > 190) stem = stem[..190];
        return stem + ext;
    }

    private static string Shorten(string? s) => s is null ? "" : s.Length <= 80 ? s : s[..80] + "…";
}
