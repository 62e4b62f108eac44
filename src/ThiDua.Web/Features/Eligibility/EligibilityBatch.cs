using System.Buffers;
using System.Runtime.Intrinsics;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThiDua.Features.Eligibility;

/// <summary>
/// The batch command's pipeline for national-scale files. A fast structural scan splits the top-level
/// arrays into elements; chunks of elements are then parsed, validated, evaluated and formatted on every
/// core, and written in input order. Output goes to a stream the caller discards when any problem is
/// found, so invalid input never yields a partial result.
/// </summary>
public static class EligibilityBatch
{
    public const int ChunkSize = 2048;

    public sealed class Stats
    {
        public int Individuals { get; set; }
        public int Collectives { get; set; }
        public long PersonYears { get; set; }
        public TimeSpan ScanTime { get; set; }
        public TimeSpan TotalTime { get; set; }
        /// <summary>Engine time summed over all threads (CPU-seconds spent in Evaluate).</summary>
        public TimeSpan EngineCpuTime { get; set; }
        /// <summary>Parsing and validation time of the elements, summed over all threads.</summary>
        public TimeSpan ParseCpuTime { get; set; }
        public long[] Verdicts { get; } = new long[3];
    }

    public enum Mode { ParseOnly, Evaluate, EvaluateAndWrite }

    /// <summary>The contract's message for a year no rule set covers (NĐ 65/2014 years have other rules: not guessed).</summary>
    public static string NoRuleSet(int year) =>
        FormattableString.Invariant($"no rule set covers {year} (built-in rule sets cover 2017 onwards; an administrator may load one for earlier years)");

    /// <summary>Validates, evaluates and writes the result document to <paramref name="output"/>; returns the problems.</summary>
    public static List<string> Run(ReadOnlyMemory<byte> json, RuleBook book, Stream output, Mode mode = Mode.EvaluateAndWrite, Stats? stats = null, int? threads = null, bool compact = false)
    {
        var options = compact ? EligibilityOutputWriter.CompactOptions : EligibilityOutputWriter.Options;
        stats ??= new Stats();
        var total = Stopwatch.StartNew();
        var problems = new List<string>();
        var scan = JsonScan.Top(json.Span, problems);
        stats.ScanTime = total.Elapsed;
        if (scan is null) return problems;

        var header = new EligibilityInputReader();
        int? asOf = null;
        if (scan.AsOfYear is { } ay) asOf = header.ReadAsOfYear(json.Span.Slice(ay.Start, ay.Length));
        else header.Problem("$.asOfYear", "missing field");
        EligibilityEngine? engine = null;
        if (asOf is { } y)
        {
            if (book.Find(y) is { } set) engine = new EligibilityEngine(set, y);
            else header.Problem("$.asOfYear", NoRuleSet(y));
        }
        problems.AddRange(header.Problems);
        var individuals = scan.Individuals;
        var chunkCount = (individuals.Count + ChunkSize - 1) / ChunkSize;
        var chunks = new Chunk[chunkCount];
        var failed = problems.Count > 0 ? 1 : 0;
        var next = -1;
        var write = mode == Mode.EvaluateAndWrite;

        void Worker()
        {
            var writerBuffer = new ArrayBufferWriter<byte>(1 << 16);
            var encoded = new Dictionary<string, System.Text.Json.JsonEncodedText>(ReferenceEqualityComparer.Instance);
            using var w = new Utf8JsonWriter(writerBuffer, options);
            while (true)
            {
                var c = Interlocked.Increment(ref next);
                if (c >= chunkCount) return;
                var chunk = new Chunk();
                var reader = new EligibilityInputReader();
                var from = c * ChunkSize;
                var to = Math.Min(individuals.Count, from + ChunkSize);
                var parseWatch = Stopwatch.StartNew();
                var facts = new IndividualFacts?[to - from];
                chunk.Ids = new string[to - from];
                for (var i = from; i < to; i++)
                {
                    var (start, length) = individuals[i];
                    var p = reader.ReadIndividualElement(json.Span, start, length, i);
                    facts[i - from] = p;
                    chunk.Ids[i - from] = p?.Id ?? "";
                    if (p is not null) chunk.PersonYears += p.Years.Length;
                }
                chunk.ParseTicks = parseWatch.ElapsedTicks;
                chunk.Problems = reader.Problems;
                if (chunk.Problems.Count > 0) Interlocked.Exchange(ref failed, 1);
                if (mode != Mode.ParseOnly && engine is not null && Volatile.Read(ref failed) == 0)
                {
                    var sw = Stopwatch.StartNew();
                    var results = new EligibilityResult[facts.Length][];
                    for (var k = 0; k < facts.Length; k++)
                    {
                        results[k] = engine.Evaluate(facts[k]!);
                        foreach (var r in results[k]) chunk.Verdicts[(int)r.Verdict]++;
                    }
                    chunk.EngineTicks = sw.ElapsedTicks;
                    if (write)
                    {
                        writerBuffer.Clear();
                        w.Reset(writerBuffer);
                        w.WriteStartObject();
                        w.WriteStartArray("r"u8);
                        foreach (var rs in results) EligibilityOutputWriter.WriteResults(w, rs, encoded);
                        w.WriteEndArray();
                        w.WriteEndObject();
                        w.Flush();
                        chunk.Output = Middle(writerBuffer.WrittenSpan);
                    }
                }
                chunks[c] = chunk;
                lock (chunks) Monitor.PulseAll(chunks);
            }
        }

        var workerCount = Math.Max(1, threads ?? Environment.ProcessorCount);
        var workers = Enumerable.Range(0, workerCount).Select(_ => new Thread(Worker) { IsBackground = true }).ToList();
        foreach (var t in workers) t.Start();

        // Collectives are few: the calling thread reads them while the workers run.
        var collectiveReader = new EligibilityInputReader();
        var collectives = new List<CollectiveFacts>(scan.Collectives.Count);
        for (var i = 0; i < scan.Collectives.Count; i++)
        {
            var (start, length) = scan.Collectives[i];
            if (collectiveReader.ReadCollectiveElement(json.Span, start, length, i) is { } c) collectives.Add(c);
        }
        if (collectiveReader.Problems.Count > 0) Interlocked.Exchange(ref failed, 1);

        Utf8JsonWriter? head = null;
        if (write && engine is not null)
        {
            head = new Utf8JsonWriter(output, options);
            head.WriteStartObject();
            head.WriteNumber("asOfYear", engine.AsOfYear);
            head.WriteString("ruleSet", engine.RuleSet.Code);
            head.WriteString("ruleSetVersion", engine.RuleSet.Version);
            head.WritePropertyName("results");
            head.Flush();
            output.Write("["u8);
        }
        var wroteAny = false;
        for (var c = 0; c < chunkCount; c++)
        {
            Chunk? chunk;
            lock (chunks)
            {
                while ((chunk = chunks[c]) is null) Monitor.Wait(chunks);
            }
            if (chunk.Output is { Length: > 0 } bytes && Volatile.Read(ref failed) == 0)
            {
                if (wroteAny) output.Write(","u8);
                output.Write(bytes);
                wroteAny = true;
            }
            chunk.Output = null;
        }
        foreach (var t in workers) t.Join();

        foreach (var chunk in chunks)
        {
            problems.AddRange(chunk.Problems);
            stats.PersonYears += chunk.PersonYears;
            stats.EngineCpuTime += TimeSpan.FromSeconds(chunk.EngineTicks / (double)Stopwatch.Frequency);
            stats.ParseCpuTime += TimeSpan.FromSeconds(chunk.ParseTicks / (double)Stopwatch.Frequency);
            for (var v = 0; v < 3; v++) stats.Verdicts[v] += chunk.Verdicts[v];
        }
        problems.AddRange(collectiveReader.Problems);
        var seen = new HashSet<string>(individuals.Count, StringComparer.Ordinal);
        for (var c = 0; c < chunkCount; c++)
        {
            for (var k = 0; k < chunks[c].Ids.Length; k++)
            {
                var id = chunks[c].Ids[k];
                if (id.Length > 0 && !seen.Add(id)) problems.Add($"$.individuals[{c * ChunkSize + k}].id: duplicate id \"{id}\"");
            }
        }
        var collectiveIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < collectives.Count; i++)
        {
            if (!collectiveIds.Add(collectives[i].Id)) problems.Add($"$.collectives[{i}].id: duplicate id \"{collectives[i].Id}\"");
        }

        if (problems.Count == 0 && engine is not null && mode != Mode.ParseOnly)
        {
            foreach (var c in collectives)
            {
                var rs = engine.Evaluate(c);
                foreach (var r in rs) stats.Verdicts[(int)r.Verdict]++;
                if (head is null) continue;
                var buffer = new ArrayBufferWriter<byte>();
                using var w = new Utf8JsonWriter(buffer, options);
                w.WriteStartObject();
                w.WriteStartArray("r"u8);
                EligibilityOutputWriter.WriteResults(w, rs);
                w.WriteEndArray();
                w.WriteEndObject();
                w.Flush();
                if (wroteAny) output.Write(","u8);
                output.Write(Middle(buffer.WrittenSpan));
                wroteAny = true;
            }
        }
        if (head is not null)
        {
            output.Write(compact ? "]}"u8 : wroteAny ? "\n  ]\n}"u8 : "]\n}"u8);
            output.Flush();
            head.Dispose();
        }
        stats.Individuals = individuals.Count;
        stats.Collectives = scan.Collectives.Count;
        stats.TotalTime = total.Elapsed;
        return problems;
    }

    // A chunk is written as {"r":[ …results… ]} by an indented writer at the results' real depth; the
    // part between the brackets is what goes into the document, so the output reads as one indented array.
    private static byte[] Middle(ReadOnlySpan<byte> written)
    {
        var open = written.IndexOf((byte)'[');
        var close = written.LastIndexOf((byte)']');
        var inner = written[(open + 1)..close];
        // Drop the newline and indentation before the closing bracket; the document adds its own.
        var end = inner.Length;
        while (end > 0 && inner[end - 1] is (byte)' ' or (byte)'\n' or (byte)'\r') end--;
        return inner[..end].ToArray();
    }

    private sealed class Chunk
    {
        public List<string> Problems = [];
        public string[] Ids = [];
        public byte[]? Output;
        public long PersonYears;
        public long EngineTicks;
        public long ParseTicks;
        public readonly long[] Verdicts = new long[3];
    }
}

/// <summary>
/// A structural scan of the contract's top-level object: finds <c>asOfYear</c> and the elements of
/// <c>individuals</c> and <c>collectives</c> without building tokens, skipping strings with vectorised
/// searches. Each element is validated later by the full reader.
/// </summary>
internal static class JsonScan
{
    internal sealed class Result
    {
        public (int Start, int Length)? AsOfYear;
        public List<(int Start, int Length)> Individuals = [];
        public List<(int Start, int Length)> Collectives = [];
    }

    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StringEnd = SearchValues.Create("\"\\"u8);

    public static Result? Top(ReadOnlySpan<byte> s, List<string> problems)
    {
        var pos = 0;
        if (s.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) pos = 3;
        var result = new Result();
        var err = new Error();
        pos = SkipWs(s, pos);
        if (pos >= s.Length) { problems.Add("$: empty document"); return null; }
        if (s[pos] != '{') { problems.Add("$: expected an object"); return null; }
        pos++;
        while (true)
        {
            pos = SkipWs(s, pos);
            if (pos >= s.Length) { Fail(s, problems, pos, "unexpected end of data"); return null; }
            if (s[pos] == '}') { pos++; break; }
            if (s[pos] != '"') { Fail(s, problems, pos, "expected a property name"); return null; }
            var keyEnd = StringEndAt(s, pos + 1);
            if (keyEnd < 0) { Fail(s, problems, pos, "unterminated string"); return null; }
            var key = s[(pos + 1)..keyEnd];
            pos = SkipWs(s, keyEnd + 1);
            if (pos >= s.Length || s[pos] != ':') { Fail(s, problems, pos, "expected ':'"); return null; }
            pos = SkipWs(s, pos + 1);
            var valueStart = pos;
            List<(int, int)>? elements = key.SequenceEqual("individuals"u8) ? result.Individuals : key.SequenceEqual("collectives"u8) ? result.Collectives : null;
            int valueEnd;
            var keyText = System.Text.Encoding.UTF8.GetString(key);
            if (elements is not null && pos < s.Length && s[pos] == '[')
            {
                valueEnd = FastArrayElements(s, pos, elements);
                if (valueEnd < 0)
                {
                    elements.Clear();
                    valueEnd = ArrayElements(s, pos, elements, $"$.{keyText}", ref err);
                }
            }
            else valueEnd = SkipValue(s, pos, ref err);
            if (valueEnd < 0) { Fail(s, problems, err.At, err.What ?? "invalid JSON", err.Path ?? $"$.{keyText}"); return null; }
            if (elements is not null && s[valueStart] != '[') problems.Add($"$.{System.Text.Encoding.UTF8.GetString(key)}: expected an array");
            if (key.SequenceEqual("asOfYear"u8)) result.AsOfYear = (valueStart, valueEnd - valueStart);
            else if (elements is null)
            {
                // Unknown properties are ignored, but must still be well-formed JSON.
                var r = new Utf8JsonReader(s[valueStart..valueEnd]);
                try { r.Read(); r.Skip(); }
                catch (JsonException ex) { Fail(s, problems, valueStart, EligibilityInputReader.FirstSentence(ex.Message)); return null; }
            }
            pos = SkipWs(s, valueEnd);
            if (pos < s.Length && s[pos] == ',') { pos++; continue; }
            if (pos < s.Length && s[pos] == '}') { pos++; break; }
            Fail(s, problems, pos, "expected ',' or '}'");
            return null;
        }
        pos = SkipWs(s, pos);
        if (pos < s.Length) { Fail(s, problems, pos, "unexpected data after the document"); return null; }
        return result;
    }

    private struct Error
    {
        public int At;
        public string? What;
        public string? Path;
    }

    private static int Fail(ref Error err, int at, string what)
    {
        err.At = at;
        err.What = what;
        return -1;
    }

    private static void Fail(ReadOnlySpan<byte> s, List<string> problems, int at, string what, string path = "$")
    {
        var line = s[..Math.Min(at, s.Length)].Count((byte)'\n') + 1;
        problems.Add($"{path}: malformed JSON at line {line}: {what}");
    }

    private static int SkipWs(ReadOnlySpan<byte> s, int pos)
    {
        while (pos < s.Length && s[pos] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') pos++;
        return pos;
    }

    /// <summary>Index of the closing quote of a string whose content starts at <paramref name="pos"/>; -1 when unterminated.</summary>
    private static int StringEndAt(ReadOnlySpan<byte> s, int pos)
    {
        while (true)
        {
            var i = s[pos..].IndexOfAny(StringEnd);
            if (i < 0) return -1;
            pos += i;
            if (s[pos] == '"') return pos;
            pos += 2; // an escape: skip the backslash and the escaped byte
            if (pos > s.Length) return -1;
        }
    }

    /// <summary>End (exclusive) of the container starting at <paramref name="pos"/>, matching brackets outside strings.</summary>
    private static int ContainerEnd(ReadOnlySpan<byte> s, int pos, ref Error err)
    {
        var depth = 0;
        while (true)
        {
            var i = s[pos..].IndexOfAny(Structural);
            if (i < 0) return Fail(ref err, s.Length, "unexpected end of data");
            pos += i;
            switch (s[pos])
            {
                case (byte)'"':
                    var end = StringEndAt(s, pos + 1);
                    if (end < 0) return Fail(ref err, pos, "unterminated string");
                    pos = end + 1;
                    continue;
                case (byte)'{' or (byte)'[':
                    depth++;
                    break;
                default:
                    depth--;
                    if (depth == 0) return pos + 1;
                    break;
            }
            pos++;
        }
    }

    private static int SkipValue(ReadOnlySpan<byte> s, int pos, ref Error err)
    {
        if (pos >= s.Length) return Fail(ref err, pos, "unexpected end of data");
        if (s[pos] is (byte)'{' or (byte)'[') return ContainerEnd(s, pos, ref err);
        if (s[pos] == '"')
        {
            var end = StringEndAt(s, pos + 1);
            if (end < 0) return Fail(ref err, pos, "unterminated string");
            return end + 1;
        }
        var start = pos;
        while (pos < s.Length && s[pos] is not ((byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) pos++;
        if (pos == start) return Fail(ref err, pos, "expected a value");
        return pos;
    }

    /// <summary>
    /// Element boundaries of an array of objects, 64 bytes at a time: quote, backslash and bracket masks,
    /// a prefix XOR of the quotes marks what lies inside strings, and only brackets outside strings are
    /// visited. Returns -1 (the caller falls back to the byte-by-byte scan, which reports errors precisely)
    /// for anything unusual: an element that is not an object, unbalanced brackets, a truncated document.
    /// </summary>
    private static int FastArrayElements(ReadOnlySpan<byte> s, int arrayStart, List<(int, int)> elements)
    {
        var depth = 0; // 1 inside the array, 2 inside an element
        var inString = false;
        var escape = false;
        var elementStart = -1;
        var lastEnd = arrayStart + 1;
        var pos = arrayStart;
        while (pos < s.Length)
        {
            var blockLength = Math.Min(64, s.Length - pos);
            ulong structural, opens;
            var block = s.Slice(pos, blockLength);
            if (blockLength == 64 && !escape && System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated)
            {
                var v0 = System.Runtime.Intrinsics.Vector256.Create(block[..32]);
                var v1 = System.Runtime.Intrinsics.Vector256.Create(block[32..]);
                var backslash = Bits(v0, v1, (byte)'\\');
                if (backslash != 0) { structural = Scalar(block, ref inString, ref escape, out opens); goto visit; }
                var quotes = Bits(v0, v1, (byte)'"');
                opens = Bits(v0, v1, (byte)'{') | Bits(v0, v1, (byte)'[');
                var closes = Bits(v0, v1, (byte)'}') | Bits(v0, v1, (byte)']');
                var insideString = PrefixXor(quotes) ^ (inString ? ulong.MaxValue : 0);
                inString = (System.Numerics.BitOperations.PopCount(quotes) & 1) == 1 ? !inString : inString;
                structural = (opens | closes) & ~insideString;
                opens &= structural;
            }
            else structural = Scalar(block, ref inString, ref escape, out opens);
        visit:
            while (structural != 0)
            {
                var bit = System.Numerics.BitOperations.TrailingZeroCount(structural);
                structural &= structural - 1;
                var at = pos + bit;
                if ((opens & (1UL << bit)) != 0)
                {
                    depth++;
                    if (depth == 2)
                    {
                        if (s[at] != '{' || !OnlyCommaBetween(s, lastEnd, at, elements.Count == 0)) return -1;
                        elementStart = at;
                    }
                }
                else
                {
                    depth--;
                    if (depth == 1)
                    {
                        elements.Add((elementStart, at + 1 - elementStart));
                        lastEnd = at + 1;
                    }
                    else if (depth == 0)
                    {
                        if (s[at] != ']' || !OnlyCommaBetween(s, lastEnd, at, true) || (elements.Count > 0 && HasComma(s, lastEnd, at))) return -1;
                        return at + 1;
                    }
                    else if (depth < 0) return -1;
                }
            }
            pos += blockLength;
        }
        return -1;
    }

    private static ulong Bits(System.Runtime.Intrinsics.Vector256<byte> v0, System.Runtime.Intrinsics.Vector256<byte> v1, byte c) =>
        System.Runtime.Intrinsics.Vector256.Equals(v0, System.Runtime.Intrinsics.Vector256.Create(c)).ExtractMostSignificantBits()
        | (ulong)System.Runtime.Intrinsics.Vector256.Equals(v1, System.Runtime.Intrinsics.Vector256.Create(c)).ExtractMostSignificantBits() << 32;

    private static ulong PrefixXor(ulong x)
    {
        x ^= x << 1;
        x ^= x << 2;
        x ^= x << 4;
        x ^= x << 8;
        x ^= x << 16;
        x ^= x << 32;
        return x;
    }

    private static ulong Scalar(ReadOnlySpan<byte> block, ref bool inString, ref bool escape, out ulong opens)
    {
        ulong structural = 0;
        opens = 0;
        for (var i = 0; i < block.Length; i++)
        {
            var b = block[i];
            if (inString)
            {
                if (escape) escape = false;
                else if (b == '\\') escape = true;
                else if (b == '"') inString = false;
            }
            else if (b == '"') inString = true;
            else if (b is (byte)'{' or (byte)'[') { structural |= 1UL << i; opens |= 1UL << i; }
            else if (b is (byte)'}' or (byte)']') structural |= 1UL << i;
        }
        return structural;
    }

    /// <summary>Between two elements only whitespace and one comma (none before the first element).</summary>
    private static bool OnlyCommaBetween(ReadOnlySpan<byte> s, int from, int to, bool first)
    {
        var commas = 0;
        for (var i = from; i < to; i++)
        {
            var b = s[i];
            if (b == ',') commas++;
            else if (b is not ((byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return false;
        }
        return first ? commas == 0 : commas == 1;
    }

    private static bool HasComma(ReadOnlySpan<byte> s, int from, int to) => s[from..to].Contains((byte)',');

    private static int ArrayElements(ReadOnlySpan<byte> s, int pos, List<(int, int)> elements, string path, ref Error err)
    {
        pos = SkipWs(s, pos + 1);
        if (pos < s.Length && s[pos] == ']') return pos + 1;
        while (true)
        {
            var start = pos;
            var end = SkipValue(s, pos, ref err);
            if (end < 0)
            {
                err.Path = $"{path}[{elements.Count}]";
                return -1;
            }
            elements.Add((start, end - start));
            pos = SkipWs(s, end);
            if (pos < s.Length && s[pos] == ',') { pos = SkipWs(s, pos + 1); continue; }
            if (pos < s.Length && s[pos] == ']') return pos + 1;
            err.Path = $"{path}[{elements.Count - 1}]";
            return Fail(ref err, pos, "expected ',' or ']'");
        }
    }
}
