using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace ThiDua.Infrastructure;

/// <summary>What an uploaded workbook may cost: checked while reading, before any row reaches the caller.</summary>
public sealed record XlsxLimits(long MaxExpandedBytes, int MaxRowsPerSheet, int MaxCellChars, int MaxSharedStringChars, int MaxColumns);

/// <summary>The workbook is over a limit; the message is Vietnamese and names the sheet, the cell and the limit.</summary>
public sealed class XlsxRefusedException(string message) : Exception(message);

/// <summary>
/// Reads rows of an .xlsx as a stream, keyed by the first row's headers. Written instead of using MiniExcel's
/// reader because that one loads every shared string (a 200 MB cell included) and yields an empty row for every
/// row number skipped (a row at 1,048,576 costs a million rows): here the expanded size is bounded by the zip's
/// declared sizes (and a part that inflates past its declared size is refused), the sheet dimension and every
/// row number are checked, and text is read in chunks so an over-long cell is refused without being held.
/// Values: text as string, numbers (and Excel dates, which are numbers) as double, booleans as bool.
/// </summary>
public sealed class XlsxReader : IDisposable
{
    private readonly ZipArchive _zip;
    private readonly XlsxLimits _limits;
    private readonly Dictionary<string, string> _sheetParts = new(StringComparer.Ordinal);
    private readonly List<string?> _shared = [];
    /// <summary>Shared strings over the cell limit: kept out of memory, refused when a sheet cell uses one.</summary>
    private readonly HashSet<int> _longShared = [];
    private readonly Budget _budget;

    /// <summary>What may still be inflated from all parts together.</summary>
    private sealed class Budget { public long Remaining; }

    /// <summary>Deeper than any spreadsheet part nests (a cell's text is at depth 5): deeper input is an attack on the parser.</summary>
    private const int MaxDepth = 32;
    /// <summary>No tag of a spreadsheet is this long; one with a million attributes would keep the parser busy for minutes.</summary>
    private const int MaxTagBytes = 64 * 1024;
    /// <summary>A shared string costs a list entry even when empty: their number is capped as well as their text.</summary>
    private const int MaxSharedItems = 2_000_000;

    private static readonly XmlReaderSettings Xml = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, IgnoreComments = true, IgnoreProcessingInstructions = true, CloseInput = true,
    };

    public IReadOnlyList<string> SheetNames { get; }

    public XlsxReader(Stream seekable, XlsxLimits limits)
    {
        _limits = limits;
        _zip = new ZipArchive(seekable, ZipArchiveMode.Read, leaveOpen: true);
        // Each size is checked before it is added, so sizes declared to wrap the sum round (zip64) are refused too;
        // the parts then share one budget while they are read.
        long declared = 0;
        foreach (var e in _zip.Entries)
        {
            if (e.Length < 0 || e.Length > limits.MaxExpandedBytes - declared) throw new XlsxRefusedException(ExpandedMessage());
            declared += e.Length;
        }
        _budget = new Budget { Remaining = limits.MaxExpandedBytes };
        SheetNames = ReadWorkbook();
        ReadSharedStrings();
    }

    public void Dispose() => _zip.Dispose();

    private static string StructureMessage() =>
        "Tệp có cấu trúc XML bất thường (thẻ quá dài hoặc lồng quá sâu), không phải bảng tính Excel thông thường; chưa đọc dòng nào.";

    /// <summary>Reads the next node, refusing nesting deeper than any spreadsheet needs.</summary>
    private static bool Next(XmlReader r)
    {
        if (!r.Read()) return false;
        if (r.Depth > MaxDepth) throw new XlsxRefusedException(StructureMessage());
        return true;
    }

    private string ExpandedMessage() =>
        $"Tệp khi giải nén lớn hơn giới hạn {VnFormat.Number(_limits.MaxExpandedBytes / 1024 / 1024)} MB (nội dung nén bất thường); chưa đọc dòng nào.";

    private XmlReader Open(string part)
    {
        var entry = _zip.GetEntry(part) ?? throw new InvalidDataException($"missing part {part}");
        return XmlReader.Create(new BoundedStream(entry.Open(), entry.Length, _budget, ExpandedMessage(), StructureMessage()), Xml);
    }

    private List<string> ReadWorkbook()
    {
        var rels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (_zip.GetEntry("xl/_rels/workbook.xml.rels") is not null)
        {
            using var r = Open("xl/_rels/workbook.xml.rels");
            while (Next(r))
            {
                if (r.NodeType == XmlNodeType.Element && r.LocalName == "Relationship" && r.GetAttribute("Id") is { } id && r.GetAttribute("Target") is { } target)
                    rels[id] = target.StartsWith('/') ? target.TrimStart('/') : "xl/" + target;
            }
        }
        var names = new List<string>();
        using (var r = Open("xl/workbook.xml"))
        {
            while (Next(r))
            {
                if (r.NodeType != XmlNodeType.Element || r.LocalName != "sheet") continue;
                var name = r.GetAttribute("name");
                var rid = r.GetAttribute("id", "http://schemas.openxmlformats.org/officeDocument/2006/relationships");
                if (name is null || rid is null || !rels.TryGetValue(rid, out var part)) continue;
                names.Add(name);
                _sheetParts[name] = part;
            }
        }
        return names;
    }

    private string SharedMessage() =>
        $"Tệp có hơn {VnFormat.Number(_limits.MaxSharedStringChars)} ký tự chữ hoặc quá nhiều chuỗi, vượt giới hạn một lần nhập; hãy chia thành nhiều tệp.";

    private void ReadSharedStrings()
    {
        const string part = "xl/sharedStrings.xml";
        if (_zip.GetEntry(part) is null) return;
        using var r = Open(part);
        var text = new StringBuilder();
        long total = 0;
        bool inItem = false, tooLong = false;
        var phonetic = 0;
        while (Next(r))
        {
            if (r.NodeType == XmlNodeType.Element)
            {
                switch (r.LocalName)
                {
                    case "si" when !r.IsEmptyElement: inItem = true; tooLong = false; text.Clear(); break;
                    case "si":
                        if (_shared.Count >= MaxSharedItems || ++total > _limits.MaxSharedStringChars) throw new XlsxRefusedException(SharedMessage());
                        _shared.Add("");
                        break;
                    case "rPh" when !r.IsEmptyElement: phonetic++; break;
                    case "t" when inItem && phonetic == 0 && !r.IsEmptyElement:
                        if (!tooLong && !AppendText(r, text, _limits.MaxCellChars)) tooLong = true;
                        break;
                }
            }
            else if (r.NodeType == XmlNodeType.EndElement)
            {
                if (r.LocalName == "rPh") phonetic--;
                else if (r.LocalName == "si" && inItem)
                {
                    inItem = false;
                    if (_shared.Count >= MaxSharedItems) throw new XlsxRefusedException(SharedMessage());
                    if (tooLong) { _longShared.Add(_shared.Count); _shared.Add(null); continue; }
                    total += Math.Max(1, text.Length);
                    if (total > _limits.MaxSharedStringChars) throw new XlsxRefusedException(SharedMessage());
                    _shared.Add(text.ToString());
                }
            }
        }
    }

    /// <summary>
    /// Appends the text content of the element the reader is on, in chunks, up to <paramref name="max"/> characters.
    /// Returns false (and skips the rest of the element) when the text is longer, so a huge cell is never held.
    /// </summary>
    private static bool AppendText(XmlReader r, StringBuilder sb, int max)
    {
        var depth = r.Depth;
        var buffer = new char[1024];
        var ok = true;
        while (Next(r) && r.Depth > depth)
        {
            if (!ok || r.NodeType is not (XmlNodeType.Text or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace or XmlNodeType.CDATA)) continue;
            int n;
            while ((n = r.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if (sb.Length + n > max) { ok = false; break; }
                sb.Append(buffer, 0, n);
            }
        }
        return ok;
    }

    /// <summary>The header names (first row) and the number of non-blank data rows, checking every limit on the way.</summary>
    public (IReadOnlyList<string> Headers, int Rows) Scan(string sheet)
    {
        IReadOnlyList<string> headers = [];
        var count = 0;
        foreach (var (row, cells) in ReadRows(sheet, h => headers = h)) { _ = row; if (cells.Count > 0) count++; }
        return (headers, count);
    }

    /// <summary>The data rows of a sheet with their row numbers, keyed by header; blank rows are skipped.</summary>
    public IEnumerable<(int Row, Dictionary<string, object?> Cells)> Rows(string sheet) =>
        ReadRows(sheet, _ => { }).Where(r => r.Cells.Count > 0);

    private IEnumerable<(int Row, Dictionary<string, object?> Cells)> ReadRows(string sheet, Action<IReadOnlyList<string>> onHeaders)
    {
        if (!_sheetParts.TryGetValue(sheet, out var part) || _zip.GetEntry(part) is null) yield break;
        var maxRow = _limits.MaxRowsPerSheet + 1;
        string RowsMessage(long row) =>
            $"Trang \"{sheet}\" có dữ liệu đến dòng {VnFormat.Number(row)}, vượt giới hạn {VnFormat.Number(_limits.MaxRowsPerSheet)} dòng mỗi trang; hãy chia thành nhiều tệp. Chưa đọc dòng nào.";
        string CellMessage(string cell) =>
            $"Trang \"{sheet}\", ô {cell}: nội dung dài hơn giới hạn {VnFormat.Number(_limits.MaxCellChars)} ký tự mỗi ô; chưa đọc dòng nào.";

        using var r = Open(part);
        string?[]? headers = null;
        var rowNumber = 0;
        var rowsSeen = 0;
        var text = new StringBuilder();
        while (Next(r))
        {
            if (r.NodeType != XmlNodeType.Element) continue;
            if (r.LocalName == "dimension" && r.GetAttribute("ref") is { } dimension && LastRow(dimension) is { } last && last > maxRow)
                throw new XlsxRefusedException(RowsMessage(last));
            if (r.LocalName != "row") continue;

            rowNumber = int.TryParse(r.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var rn) ? rn : rowNumber + 1;
            // Rows are counted too: a sheet repeating one row number must not slip under the limit.
            if (rowNumber > maxRow || ++rowsSeen > maxRow) throw new XlsxRefusedException(RowsMessage(Math.Max(rowNumber, rowsSeen)));
            var values = new Dictionary<int, object>();
            if (!r.IsEmptyElement)
            {
                var rowDepth = r.Depth;
                var column = 0;
                while (Next(r) && r.Depth > rowDepth)
                {
                    if (r.NodeType != XmlNodeType.Element || r.LocalName != "c") continue;
                    var reference = r.GetAttribute("r");
                    column = reference is not null && Column(reference) is { } col ? col : column + 1;
                    var type = r.GetAttribute("t") ?? "n";
                    var cellName = reference ?? $"{ColumnName(column)}{rowNumber}";
                    if (r.IsEmptyElement) continue;
                    var cellDepth = r.Depth;
                    object? value = null;
                    while (Next(r) && r.Depth > cellDepth)
                    {
                        if (r.NodeType != XmlNodeType.Element || r.IsEmptyElement) continue;
                        if (r.LocalName is "v" || (r.LocalName is "t" && type == "inlineStr"))
                        {
                            text.Clear();
                            if (!AppendText(r, text, _limits.MaxCellChars)) throw new XlsxRefusedException(CellMessage(cellName));
                            value = Value(type, text.ToString(), cellName, value, CellMessage);
                        }
                    }
                    if (column <= _limits.MaxColumns && value is not null) values[column] = value;
                }
            }
            if (headers is null)
            {
                var width = values.Count == 0 ? 0 : values.Keys.Max();
                headers = new string?[width + 1];
                foreach (var (col, v) in values) headers[col] = Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim();
                onHeaders(headers.Where(h => !string.IsNullOrEmpty(h)).Select(h => h!).Distinct(StringComparer.Ordinal).ToList());
                continue;
            }
            var cells = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (col, v) in values)
            {
                if (col >= headers.Length || headers[col] is not { Length: > 0 } name || cells.ContainsKey(name)) continue;
                if (v is string s && string.IsNullOrWhiteSpace(s)) continue;
                cells[name] = v;
            }
            yield return (rowNumber, cells);
        }
    }

    private object? Value(string type, string raw, string cellName, object? previous, Func<string, string> cellMessage)
    {
        switch (type)
        {
            case "s":
                if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) || i >= _shared.Count) return null;
                if (_longShared.Contains(i)) throw new XlsxRefusedException(cellMessage(cellName));
                return _shared[i];
            case "inlineStr":
                var joined = (previous as string ?? "") + raw;
                if (joined.Length > _limits.MaxCellChars) throw new XlsxRefusedException(cellMessage(cellName));
                return joined;
            case "b":
                return raw == "1";
            case "str" or "e" or "d":
                return raw;
            default:
                return double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : raw;
        }
    }

    /// <summary>The last row of a dimension such as "A1:K50001" (or "A1").</summary>
    private static long? LastRow(string dimension)
    {
        var last = dimension[(dimension.LastIndexOf(':') + 1)..];
        var digits = last.SkipWhile(char.IsLetter).ToArray();
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var row) ? row : null;
    }

    private static int? Column(string reference)
    {
        var col = 0;
        foreach (var ch in reference)
        {
            if (ch is >= 'A' and <= 'Z') col = col * 26 + (ch - 'A' + 1);
            else if (ch is >= 'a' and <= 'z') col = col * 26 + (ch - 'a' + 1);
            else break;
            if (col > 16384) return null;
        }
        return col == 0 ? null : col;
    }

    internal static string ColumnName(int column)
    {
        var name = "";
        for (; column > 0; column = (column - 1) / 26) name = (char)('A' + (column - 1) % 26) + name;
        return name;
    }

    /// <summary>An inflating part that reads past its declared size is refused, so the declared sizes bound the work.</summary>
    private sealed class BoundedStream(Stream inner, long limit, Budget budget, string message, string structure) : Stream
    {
        private long _read;
        private bool _inTag;
        private int _tag;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            _read += n;
            budget.Remaining -= n;
            if (_read > limit || budget.Remaining < 0) throw new XlsxRefusedException(message);
            // Before the XML parser sees them: a tag longer than any spreadsheet has (a million attributes) is refused.
            for (var i = offset; i < offset + n; i++)
            {
                var b = buffer[i];
                if (b == (byte)'<') { _inTag = true; _tag = 0; }
                else if (b == (byte)'>') _inTag = false;
                else if (_inTag && ++_tag > MaxTagBytes) throw new XlsxRefusedException(structure);
            }
            return n;
        }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
