using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ThiDua.Features.Eligibility;

public sealed class EligibilityInput
{
    public int AsOfYear { get; init; }
    public List<IndividualFacts> Individuals { get; init; } = [];
    public List<CollectiveFacts> Collectives { get; init; } = [];
}

/// <summary>
/// Reads the batch contract's input (shared/eligibility/CONTRACT.md) with a forward-only reader, so a
/// national file of a million people parses in seconds. Every problem is reported with its JSON path;
/// nothing is evaluated unless the whole document is valid.
/// </summary>
public sealed class EligibilityInputReader
{
    private readonly List<string> _problems = [];
    private readonly Dictionary<int, YearFacts> _scratchYears = new(32);

    /// <summary>A 4-digit year from a property name without allocating; 0 (and a problem) when it is not one.</summary>
    private int YearKey(ref Utf8JsonReader reader, string at)
    {
        var span = reader.ValueSpan;
        if (!reader.ValueIsEscaped && span.Length == 4 && System.Buffers.Text.Utf8Parser.TryParse(span, out int y, out var used) && used == 4 && y >= 1900 && y <= 2200)
            return y;
        var key = reader.GetString();
        Problem($"{at}.years.{key}", $"invalid year \"{key}\"");
        return 0;
    }
    private string? _where = "$";
    private string _section = "";
    private int _index;
    private string Where => _where ??= $"$.{_section}[{_index}]";

    public static EligibilityInput? Read(ReadOnlySpan<byte> utf8, out List<string> problems)
    {
        var r = new EligibilityInputReader();
        var input = r.Parse(utf8);
        problems = r._problems;
        return problems.Count == 0 ? input : null;
    }

    internal List<string> Problems => _problems;

    internal void Problem(string path, string message) => _problems.Add($"{path}: {message}");

    /// <summary>Parses one element of <c>individuals</c>, found by the batch pipeline's scan at <paramref name="start"/> of the document.</summary>
    internal IndividualFacts? ReadIndividualElement(ReadOnlySpan<byte> document, int start, int length, int index) =>
        ReadElement(document, start, length, "individuals", index, static (EligibilityInputReader self, ref Utf8JsonReader r, int i) => self.ReadIndividual(ref r, i));

    internal CollectiveFacts? ReadCollectiveElement(ReadOnlySpan<byte> document, int start, int length, int index) =>
        ReadElement(document, start, length, "collectives", index, static (EligibilityInputReader self, ref Utf8JsonReader r, int i) => self.ReadCollective(ref r, i));

    private delegate T? ElementParser<T>(EligibilityInputReader self, ref Utf8JsonReader reader, int index) where T : class;

    private T? ReadElement<T>(ReadOnlySpan<byte> document, int start, int length, string section, int index, ElementParser<T> parse) where T : class
    {
        _where = null;
        _section = section;
        _index = index;
        var reader = new Utf8JsonReader(document.Slice(start, length));
        try
        {
            reader.Read();
            return parse(this, ref reader, index);
        }
        catch (JsonException ex)
        {
            // Lines are counted only here, for the message: the element's own line plus those before it.
            var linesBefore = document[..start].Count((byte)'\n');
            Problem(Where, $"malformed JSON at line {linesBefore + ex.LineNumber + 1}: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    internal int? ReadAsOfYear(ReadOnlySpan<byte> value)
    {
        var reader = new Utf8JsonReader(value);
        try
        {
            reader.Read();
            return ReadYearNumber(ref reader, "$.asOfYear");
        }
        catch (JsonException)
        {
            Problem("$.asOfYear", "malformed value");
            return null;
        }
    }

    private EligibilityInput? Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) utf8 = utf8[3..];
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                Problem("$", "empty document");
                return null;
            }
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                Problem("$", "expected an object");
                return null;
            }
            int? asOf = null;
            var individuals = new List<IndividualFacts>();
            var collectives = new List<CollectiveFacts>();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("asOfYear"u8))
                {
                    reader.Read();
                    asOf = ReadYearNumber(ref reader, "$.asOfYear");
                }
                else if (reader.ValueTextEquals("individuals"u8))
                {
                    reader.Read();
                    if (ExpectArray(ref reader, "$.individuals"))
                    {
                        var i = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            _where = null;
                            _section = "individuals";
                            _index = i;
                            var p = ReadIndividual(ref reader, i);
                            if (p is not null) individuals.Add(p);
                            i++;
                        }
                    }
                }
                else if (reader.ValueTextEquals("collectives"u8))
                {
                    reader.Read();
                    if (ExpectArray(ref reader, "$.collectives"))
                    {
                        var i = 0;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        {
                            _where = null;
                            _section = "collectives";
                            _index = i;
                            var c = ReadCollective(ref reader, i);
                            if (c is not null) collectives.Add(c);
                            i++;
                        }
                    }
                }
                else
                {
                    reader.Read();
                    reader.Skip();
                }
                _where = "$";
            }
            if (asOf is null && !_problems.Any(p => p.StartsWith("$.asOfYear", StringComparison.Ordinal))) Problem("$.asOfYear", "missing field");
            CheckUniqueIds(individuals.Select(p => p.Id), "$.individuals");
            CheckUniqueIds(collectives.Select(c => c.Id), "$.collectives");
            return new EligibilityInput { AsOfYear = asOf ?? 0, Individuals = individuals, Collectives = collectives };
        }
        catch (JsonException ex)
        {
            Problem(Where, $"malformed JSON at line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}: {FirstSentence(ex.Message)}");
            return null;
        }
    }

    internal static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd(' ', '.');
    }

    private void CheckUniqueIds(IEnumerable<string> ids, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var id in ids)
        {
            if (!seen.Add(id)) Problem($"{path}[{i}].id", $"duplicate id \"{id}\"");
            i++;
        }
    }

    private bool ExpectArray(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.StartArray) return true;
        Problem(path, "expected an array");
        reader.Skip();
        return false;
    }

    private bool ExpectObject(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.StartObject) return true;
        Problem(path, "expected an object");
        reader.Skip();
        return false;
    }

    private string? ReadString(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType == JsonTokenType.String) return reader.GetString();
        Problem(path, "expected a string");
        reader.Skip();
        return null;
    }

    private int? ReadInt(ref Utf8JsonReader reader, string path, int min, int max)
    {
        if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var v))
        {
            Problem(path, "expected a whole number");
            reader.Skip();
            return null;
        }
        if (v < min || v > max)
        {
            Problem(path, $"{v} is out of range {min}..{max}");
            return null;
        }
        return v;
    }

    private int? ReadYearNumber(ref Utf8JsonReader reader, string path) => ReadInt(ref reader, path, 1900, 2200);

    private bool? ReadBool(ref Utf8JsonReader reader, string path)
    {
        if (reader.TokenType is JsonTokenType.True or JsonTokenType.False) return reader.GetBoolean();
        Problem(path, "expected true or false");
        reader.Skip();
        return null;
    }

    private DateOnly? ReadDate(ref Utf8JsonReader reader, string path)
    {
        var s = ReadString(ref reader, path);
        if (s is null) return null;
        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        Problem(path, $"bad date \"{s}\" (expected YYYY-MM-DD)");
        return null;
    }

    private IndividualFacts? ReadIndividual(ref Utf8JsonReader reader, int index)
    {
        var at = Where;
        if (!ExpectObject(ref reader, at)) return null;
        var before = _problems.Count;
        string? id = null;
        Gender? gender = null;
        DateOnly? hiredOn = null;
        var pending = false;
        List<DisciplinePeriod>? discipline = null;
        List<AwardFact>? awards = null;
        Dictionary<int, YearFacts>? years = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = ReadId(ref reader, at + ".id"); }
            else if (reader.ValueTextEquals("gender"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                var g = ReadString(ref reader, at + ".gender");
                if (g is null) continue;
                gender = g switch { "male" => Gender.Male, "female" => Gender.Female, _ => null };
                if (gender is null) Problem(at + ".gender", $"unknown gender \"{g}\" (male, female)");
            }
            else if (reader.ValueTextEquals("hiredOn"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null) hiredOn = ReadDate(ref reader, at + ".hiredOn");
            }
            else if (reader.ValueTextEquals("pendingReview"u8)) { reader.Read(); pending = ReadBool(ref reader, at + ".pendingReview") ?? false; }
            else if (reader.ValueTextEquals("discipline"u8))
            {
                reader.Read();
                if (!ExpectArray(ref reader, at + ".discipline")) continue;
                var k = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadDiscipline(ref reader, $"{at}.discipline[{k}]") is { } d) (discipline ??= []).Add(d);
                    k++;
                }
            }
            else if (reader.ValueTextEquals("awards"u8))
            {
                reader.Read();
                if (!ExpectArray(ref reader, at + ".awards")) continue;
                var k = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadAward(ref reader, $"{at}.awards[{k}]") is { } a) (awards ??= []).Add(a);
                    k++;
                }
            }
            else if (reader.ValueTextEquals("years"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartObject) { ExpectObject(ref reader, at + ".years"); continue; }
                years = _scratchYears;
                years.Clear();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var year = YearKey(ref reader, at);
                    reader.Read();
                    if (year == 0) { reader.Skip(); continue; }
                    if (ReadIndividualYear(ref reader, at, year) is { } f) years[year] = f;
                }
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (id is null && !HasProblemAt(before, at + ".id")) Problem(at + ".id", "missing field");
        if (years is null && !HasProblemAt(before, at + ".years")) Problem(at + ".years", "missing field");
        if (_problems.Count > before || id is null || years is null) return null;
        var arr = IndividualFacts.BuildYears(years, out var first);
        return new IndividualFacts
        {
            Id = id, Gender = gender, HiredOn = hiredOn, PendingReview = pending,
            Discipline = discipline is null ? [] : [.. discipline],
            Awards = awards is null ? [] : [.. awards],
            FirstYear = first, Years = arr,
        };
    }

    private bool HasProblemAt(int since, string path)
    {
        for (var i = since; i < _problems.Count; i++)
        {
            if (_problems[i].StartsWith(path, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private string? ReadId(ref Utf8JsonReader reader, string path)
    {
        var id = ReadString(ref reader, path);
        if (id is not null && string.IsNullOrWhiteSpace(id))
        {
            Problem(path, "empty id");
            return null;
        }
        return id;
    }

    // The hot path of a national batch: no strings are built unless there is a problem to report.
    private YearFacts? ReadIndividualYear(ref Utf8JsonReader reader, string at, int year)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Problem($"{at}.years.{year}", "expected an object");
            reader.Skip();
            return null;
        }
        var rating = Rating.None;
        var ratingSeen = false;
        var titles = TitleSet.None;
        int initiatives = 0, notUsed = 0;
        var widest = InitiativeScope.None;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("rating"u8))
            {
                reader.Read();
                ratingSeen = true;
                rating = reader.TokenType != JsonTokenType.String ? Rating.None
                    : reader.ValueTextEquals("HTXSNV"u8) ? Rating.HTXSNV
                    : reader.ValueTextEquals("HTTNV"u8) ? Rating.HTTNV
                    : reader.ValueTextEquals("HTNV"u8) ? Rating.HTNV
                    : reader.ValueTextEquals("KHTNV"u8) ? Rating.KHTNV : Rating.None;
                if (rating == Rating.None)
                {
                    if (reader.TokenType == JsonTokenType.String) Problem($"{at}.years.{year}.rating", $"unknown rating \"{reader.GetString()}\"");
                    else { Problem($"{at}.years.{year}.rating", "expected a string"); reader.Skip(); }
                }
            }
            else if (reader.ValueTextEquals("titles"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) { ExpectArray(ref reader, $"{at}.years.{year}.titles"); continue; }
                var k = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var t = reader.TokenType != JsonTokenType.String ? TitleSet.None
                        : reader.ValueTextEquals("LDTT"u8) ? TitleSet.LDTT
                        : reader.ValueTextEquals("CSTDCS"u8) ? TitleSet.CSTDCS
                        : reader.ValueTextEquals("CSTD_BO"u8) ? TitleSet.CSTD_BO
                        : reader.ValueTextEquals("CSTDTQ"u8) ? TitleSet.CSTDTQ : TitleSet.None;
                    if (t == TitleSet.None)
                    {
                        if (reader.TokenType == JsonTokenType.String) Problem($"{at}.years.{year}.titles[{k}]", $"unknown title \"{reader.GetString()}\"");
                        else { Problem($"{at}.years.{year}.titles[{k}]", "expected a string"); reader.Skip(); }
                    }
                    titles |= t;
                    k++;
                }
            }
            else if (reader.ValueTextEquals("initiatives"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.StartArray) { ExpectArray(ref reader, $"{at}.years.{year}.initiatives"); continue; }
                var k = 0;
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (ReadInitiative(ref reader, at, year, k, out var scope, out var used))
                    {
                        initiatives++;
                        if (!used) notUsed++;
                        if (scope > widest) widest = scope;
                    }
                    k++;
                }
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (!ratingSeen) Problem($"{at}.years.{year}.rating", "missing field");
        return new YearFacts(rating, titles, (ushort)Math.Min(initiatives, ushort.MaxValue), (ushort)Math.Min(notUsed, ushort.MaxValue), widest);
    }

    private bool ReadInitiative(ref Utf8JsonReader reader, string at, int year, int k, out InitiativeScope scope, out bool used)
    {
        scope = InitiativeScope.None;
        used = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Problem($"{at}.years.{year}.initiatives[{k}]", "expected an object");
            reader.Skip();
            return false;
        }
        var before = _problems.Count;
        bool idSeen = false, scopeSeen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8))
            {
                reader.Read();
                idSeen = true;
                if (reader.TokenType != JsonTokenType.String) { Problem($"{at}.years.{year}.initiatives[{k}].id", "expected a string"); reader.Skip(); }
                else if (reader.ValueSpan.IsEmpty) Problem($"{at}.years.{year}.initiatives[{k}].id", "empty id");
            }
            else if (reader.ValueTextEquals("scope"u8))
            {
                reader.Read();
                scopeSeen = true;
                scope = reader.TokenType != JsonTokenType.String ? InitiativeScope.None
                    : reader.ValueTextEquals("co_so"u8) ? InitiativeScope.CoSo
                    : reader.ValueTextEquals("bo"u8) ? InitiativeScope.Bo
                    : reader.ValueTextEquals("toan_quoc"u8) ? InitiativeScope.ToanQuoc : InitiativeScope.None;
                if (scope == InitiativeScope.None)
                {
                    if (reader.TokenType == JsonTokenType.String) Problem($"{at}.years.{year}.initiatives[{k}].scope", $"unknown scope \"{reader.GetString()}\" (co_so, bo, toan_quoc)");
                    else { Problem($"{at}.years.{year}.initiatives[{k}].scope", "expected a string"); reader.Skip(); }
                }
            }
            else if (reader.ValueTextEquals("usedFor"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                if (reader.TokenType != JsonTokenType.String) { Problem($"{at}.years.{year}.initiatives[{k}].usedFor", "expected a string"); reader.Skip(); continue; }
                if (reader.ValueSpan.IsEmpty) continue;
                var s = reader.ValueTextEquals("CSTDCS"u8) ? "CSTDCS" : reader.GetString()!;
                if (EligibilityCodes.IsKnownUse(s)) used = true;
                else Problem($"{at}.years.{year}.initiatives[{k}].usedFor", $"unknown code \"{s}\"");
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (!idSeen) Problem($"{at}.years.{year}.initiatives[{k}].id", "missing field");
        if (!scopeSeen) Problem($"{at}.years.{year}.initiatives[{k}].scope", "missing field");
        return _problems.Count == before;
    }

    private DisciplinePeriod? ReadDiscipline(ref Utf8JsonReader reader, string path)
    {
        if (!ExpectObject(ref reader, path)) return null;
        var before = _problems.Count;
        DisciplineLevel? level = null;
        DateOnly? from = null, to = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("level"u8))
            {
                reader.Read();
                var s = ReadString(ref reader, path + ".level");
                if (s is null) continue;
                if (EligibilityCodes.TryParseDiscipline(s, out var l)) level = l;
                else Problem(path + ".level", $"unknown discipline level \"{s}\" (khien_trach, canh_cao, cach_chuc, buoc_thoi_viec)");
            }
            else if (reader.ValueTextEquals("from"u8)) { reader.Read(); from = ReadDate(ref reader, path + ".from"); }
            else if (reader.ValueTextEquals("to"u8)) { reader.Read(); if (reader.TokenType != JsonTokenType.Null) to = ReadDate(ref reader, path + ".to"); }
            else { reader.Read(); reader.Skip(); }
        }
        if (level is null && !HasProblemAt(before, path + ".level")) Problem(path + ".level", "missing field");
        if (from is null && !HasProblemAt(before, path + ".from")) Problem(path + ".from", "missing field");
        // An absent "to" means the period is still running (CONTRACT.md): it touches every year from "from" on.
        if (from is { } f && to is { } t && f > t) Problem(path + ".to", FormattableString.Invariant($"ends ({t:yyyy-MM-dd}) before it starts ({f:yyyy-MM-dd})"));
        return _problems.Count == before ? new DisciplinePeriod(level!.Value, from!.Value, to ?? DateOnly.MaxValue) : null;
    }

    private AwardFact? ReadAward(ref Utf8JsonReader reader, string path)
    {
        if (!ExpectObject(ref reader, path)) return null;
        var before = _problems.Count;
        int? year = null, periodTo = null;
        AwardForm? form = null;
        var basis = AwardBasis.Merit;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("year"u8)) { reader.Read(); year = ReadYearNumber(ref reader, path + ".year"); }
            else if (reader.ValueTextEquals("form"u8))
            {
                reader.Read();
                var s = ReadString(ref reader, path + ".form");
                if (s is null) continue;
                if (EligibilityCodes.TryParseAward(s, out var f)) form = f;
                else Problem(path + ".form", $"unknown form \"{s}\" (BK_BO, BK_TTG, GK)");
            }
            else if (reader.ValueTextEquals("periodTo"u8))
            {
                reader.Read();
                if (reader.TokenType != JsonTokenType.Null) periodTo = ReadYearNumber(ref reader, path + ".periodTo");
            }
            else if (reader.ValueTextEquals("basis"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.Null) continue;
                var s = ReadString(ref reader, path + ".basis");
                if (s is null) continue;
                if (!EligibilityCodes.TryParseBasis(s, out basis)) Problem(path + ".basis", $"unknown basis \"{s}\" (dot_xuat, chuyen_de; absent for merit)");
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (year is null && !HasProblemAt(before, path + ".year")) Problem(path + ".year", "missing field");
        if (form is null && !HasProblemAt(before, path + ".form")) Problem(path + ".form", "missing field");
        if (year is { } y && periodTo is { } pt && pt > y) Problem(path + ".periodTo", $"{pt} is after the decision year {y}");
        return _problems.Count == before ? new AwardFact(year!.Value, form!.Value, periodTo, basis) : null;
    }

    private CollectiveFacts? ReadCollective(ref Utf8JsonReader reader, int index)
    {
        var at = Where;
        if (!ExpectObject(ref reader, at)) return null;
        var before = _problems.Count;
        string? id = null;
        var pending = false;
        Dictionary<int, CollectiveYearFacts>? years = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("id"u8)) { reader.Read(); id = ReadId(ref reader, at + ".id"); }
            else if (reader.ValueTextEquals("pendingReview"u8)) { reader.Read(); pending = ReadBool(ref reader, at + ".pendingReview") ?? false; }
            else if (reader.ValueTextEquals("years"u8))
            {
                reader.Read();
                if (!ExpectObject(ref reader, at + ".years")) continue;
                years = [];
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var key = reader.GetString()!;
                    var yp = $"{at}.years.{key}";
                    reader.Read();
                    if (!int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || key.Length != 4 || year < 1900 || year > 2200)
                    {
                        Problem(yp, $"invalid year \"{key}\"");
                        reader.Skip();
                        continue;
                    }
                    if (ReadCollectiveYear(ref reader, yp) is { } f) years[year] = f;
                }
            }
            else { reader.Read(); reader.Skip(); }
        }
        if (id is null && !HasProblemAt(before, at + ".id")) Problem(at + ".id", "missing field");
        if (years is null && !HasProblemAt(before, at + ".years")) Problem(at + ".years", "missing field");
        if (_problems.Count > before || id is null || years is null) return null;
        return new CollectiveFacts { Id = id, PendingReview = pending, Years = years };
    }

    private CollectiveYearFacts? ReadCollectiveYear(ref Utf8JsonReader reader, string path)
    {
        if (!ExpectObject(ref reader, path)) return null;
        var before = _problems.Count;
        var rating = Rating.None;
        int? members = null, completed = null, ldtt = null, cstdcs = null, disciplined = null;
        bool? united = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("rating"u8))
            {
                reader.Read();
                var s = ReadString(ref reader, path + ".rating");
                if (s is not null && !EligibilityCodes.TryParseRating(s, out rating)) Problem(path + ".rating", $"unknown rating \"{s}\"");
            }
            else if (reader.ValueTextEquals("members"u8)) { reader.Read(); members = ReadInt(ref reader, path + ".members", 1, 1_000_000); }
            else if (reader.ValueTextEquals("membersCompletedTasks"u8)) { reader.Read(); completed = ReadInt(ref reader, path + ".membersCompletedTasks", 0, 1_000_000); }
            else if (reader.ValueTextEquals("membersLdtt"u8)) { reader.Read(); ldtt = ReadInt(ref reader, path + ".membersLdtt", 0, 1_000_000); }
            else if (reader.ValueTextEquals("membersCstdcs"u8)) { reader.Read(); cstdcs = ReadInt(ref reader, path + ".membersCstdcs", 0, 1_000_000); }
            else if (reader.ValueTextEquals("membersDisciplinedWarningOrAbove"u8)) { reader.Read(); disciplined = ReadInt(ref reader, path + ".membersDisciplinedWarningOrAbove", 0, 1_000_000); }
            else if (reader.ValueTextEquals("united"u8)) { reader.Read(); united = ReadBool(ref reader, path + ".united"); }
            else { reader.Read(); reader.Skip(); }
        }
        void Required(object? v, string name)
        {
            if (v is null && !HasProblemAt(before, $"{path}.{name}")) Problem($"{path}.{name}", "missing field");
        }
        if (rating == Rating.None) Required(null, "rating");
        Required(members, "members");
        Required(completed, "membersCompletedTasks");
        Required(ldtt, "membersLdtt");
        Required(cstdcs, "membersCstdcs");
        Required(disciplined, "membersDisciplinedWarningOrAbove");
        Required(united, "united");
        if (members is { } m)
        {
            if (completed > m) Problem(path + ".membersCompletedTasks", $"{completed} is more than members ({m})");
            if (ldtt > m) Problem(path + ".membersLdtt", $"{ldtt} is more than members ({m})");
            if (cstdcs > m) Problem(path + ".membersCstdcs", $"{cstdcs} is more than members ({m})");
            if (disciplined > m) Problem(path + ".membersDisciplinedWarningOrAbove", $"{disciplined} is more than members ({m})");
        }
        if (_problems.Count > before) return null;
        return new CollectiveYearFacts(rating, members!.Value, completed!.Value, ldtt!.Value, cstdcs!.Value, disciplined!.Value, united!.Value);
    }
}

/// <summary>Writes the contract's result document.</summary>
public static class EligibilityOutputWriter
{
    internal static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };
    internal static readonly JsonWriterOptions CompactOptions = Options with { Indented = false };

    public static string VerdictCode(Verdict v) => v switch
    {
        Verdict.Eligible => "eligible",
        Verdict.NotEligible => "not_eligible",
        _ => "deferred",
    };

    public static void Write(Stream output, EligibilityInput input, EligibilityEngine engine)
    {
        using var w = new Utf8JsonWriter(output, Options);
        w.WriteStartObject();
        w.WriteNumber("asOfYear", input.AsOfYear);
        w.WriteString("ruleSet", engine.RuleSet.Code);
        w.WriteString("ruleSetVersion", engine.RuleSet.Version);
        w.WriteStartArray("results");
        foreach (var p in input.Individuals) WriteResults(w, engine.Evaluate(p));
        foreach (var c in input.Collectives) WriteResults(w, engine.Evaluate(c));
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static readonly JsonEncodedText[] VerdictText =
        [JsonEncodedText.Encode("eligible"), JsonEncodedText.Encode("not_eligible"), JsonEncodedText.Encode("deferred")];

    /// <summary>
    /// Writes results; with a cache, reason and basis sentences (shared instances from the engine) are
    /// encoded once per writer rather than once per result.
    /// </summary>
    public static void WriteResults(Utf8JsonWriter w, EligibilityResult[] results, Dictionary<string, JsonEncodedText>? cache = null)
    {
        foreach (var r in results)
        {
            w.WriteStartObject();
            w.WriteString("id"u8, r.SubjectId);
            w.WriteString("code"u8, Encoded(r.Code, cache));
            w.WriteString("verdict"u8, VerdictText[(int)r.Verdict]);
            w.WriteStartArray("reasons"u8);
            foreach (var s in r.Reasons) w.WriteStringValue(Encoded(s, cache));
            w.WriteEndArray();
            w.WriteStartArray("basis"u8);
            foreach (var s in r.Basis) w.WriteStringValue(Encoded(s, cache));
            w.WriteEndArray();
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
    }

    private static JsonEncodedText Encoded(string s, Dictionary<string, JsonEncodedText>? cache)
    {
        if (cache is null) return JsonEncodedText.Encode(s, Options.Encoder);
        if (cache.TryGetValue(s, out var e)) return e;
        if (cache.Count > 50_000) cache.Clear(); // a bound, should sentences ever stop being shared
        return cache[s] = JsonEncodedText.Encode(s, Options.Encoder);
    }
}
