namespace ThiDua.Features.Eligibility;

/// <summary>
/// Decides, for one evaluation year and the rule set governing it, which titles and forms of commendation
/// each subject meets the criteria for, with reasons a clerk can read and the articles relied on.
/// Pure: no database, no clock, no I/O. Create one per evaluation year and reuse it across subjects.
/// </summary>
public sealed class EligibilityEngine
{
    private readonly RuleSet _set;
    private readonly int _y;
    private readonly string[] _deferredReason;
    private readonly InitiativeScope _boScope, _tqScope;
    private readonly Rating _countedMin, _ldttMin, _excellent, _boExcellent, _ttgMinRating, _ttldttMin, _ttldxsMin;
    private readonly string[] _bDeferral, _bLdtt, _bCstdcs, _bCstdBo, _bCstdtq, _bBkBo, _bBkTtg, _bTtldtt, _bTtldxs;

    public EligibilityEngine(RuleSet set, int asOfYear)
    {
        if (!set.AppliesToYears.Contains(asOfYear))
            throw new ArgumentOutOfRangeException(nameof(asOfYear), asOfYear, $"Rule set {set.Code} does not cover {asOfYear}");
        foreach (var (key, rule) in set.Rules.All())
        {
            // Validation refuses such a file; this guards a set built in code.
            if (!rule.Effective.Touches(asOfYear)) throw new InvalidOperationException($"Rule {key} of {set.Code} is not in force in {asOfYear}");
        }
        _set = set;
        _y = asOfYear;
        _deferredReason = ["Đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo: hoãn xét đến khi có kết luận"];
        var r = set.Rules;
        // The rule set was validated (RuleSet.Validate): every code parses; a failed parse would leave None.
        _ = EligibilityCodes.TryParseScope(r.CstdBo.InitiativeMinScope, out _boScope);
        _ = EligibilityCodes.TryParseScope(r.Cstdtq.InitiativeMinScope, out _tqScope);
        _ = EligibilityCodes.TryParseRating(r.Common.CountedYearMinRating, out _countedMin);
        _ = EligibilityCodes.TryParseRating(r.Ldtt.MinRating, out _ldttMin);
        _ = EligibilityCodes.TryParseRating(r.Cstdcs.ExcellentRating, out _excellent);
        _ = EligibilityCodes.TryParseRating(r.BkBo.ExcellentRating, out _boExcellent);
        _ = EligibilityCodes.TryParseRating(r.BkTtg.MinRating, out _ttgMinRating);
        _ = EligibilityCodes.TryParseRating(r.Ttldtt.MinRating, out _ttldttMin);
        _ = EligibilityCodes.TryParseRating(r.Ttldxs.MinRating, out _ttldxsMin);
        var y = asOfYear;
        _bDeferral = r.Deferral.BasisFor(y);
        _bLdtt = r.Ldtt.BasisFor(y);
        _bCstdcs = r.Cstdcs.BasisFor(y);
        _bCstdBo = r.CstdBo.BasisFor(y);
        _bCstdtq = r.Cstdtq.BasisFor(y);
        _bBkBo = r.BkBo.BasisFor(y);
        _bBkTtg = r.BkTtg.BasisFor(y);
        _bTtldtt = r.Ttldtt.BasisFor(y);
        _bTtldxs = r.Ttldxs.BasisFor(y);
    }

    public RuleSet RuleSet => _set;
    public int AsOfYear => _y;

    /// <summary>The engine for <paramref name="asOfYear"/>; throws when no rule set covers it (check <see cref="RuleBook.Find"/> first).</summary>
    public static EligibilityEngine For(RuleBook book, int asOfYear) => new(book.For(asOfYear), asOfYear);

    public EligibilityResult[] Evaluate(IndividualFacts p)
    {
        if (p.PendingReview)
        {
            return Array.ConvertAll(EligibilityCodes.Individual, c => new EligibilityResult(p.Id, c, Verdict.Deferred, _deferredReason, _bDeferral));
        }
        var disc = p.DisciplineTouching(_y);
        var ldtt = Ldtt(p, disc);
        var cstdcs = Cstdcs(p, ldtt);
        return [ldtt, cstdcs, CstdBo(p, disc), Cstdtq(p, disc), BkBo(p, disc), BkTtg(p, disc)];
    }

    public EligibilityResult[] Evaluate(CollectiveFacts c)
    {
        if (c.PendingReview)
        {
            return Array.ConvertAll(EligibilityCodes.Collective, code => new EligibilityResult(c.Id, code, Verdict.Deferred, _deferredReason, _bDeferral));
        }
        if (!c.Years.TryGetValue(_y, out var f))
        {
            string[] none = [I($"Chưa có số liệu của tập thể năm {_y}")];
            return [new(c.Id, EligibilityCodes.TTLDTT, Verdict.NotEligible, none, _bTtldtt), new(c.Id, EligibilityCodes.TTLDXS, Verdict.NotEligible, none, _bTtldxs)];
        }
        return [Ttldtt(c.Id, f), Ttldxs(c.Id, f)];
    }

    /// <summary>Reasons are read by people but also compared by machines: the same text whatever the culture.</summary>
    private static string I(FormattableString s) => FormattableString.Invariant(s);

    /// <summary>Whole months served in <paramref name="year"/>: hired 1 July gives 6, hired 2 July gives 5.</summary>
    public static int ServiceMonths(DateOnly? hiredOn, int year)
    {
        if (hiredOn is not { } h || h.Year < year) return 12;
        if (h.Year > year) return 0;
        return 12 - (h.Month - 1) - (h.Day > 1 ? 1 : 0);
    }

    // Each criterion goes to Met or Unmet. An eligible verdict lists what was met; a refusal lists only
    // what was not, so the first line an officer reads is what stands in the way.
    private struct Tally
    {
        private string? _m0, _m1, _m2, _m3, _u0, _u1, _u2, _u3;
        private int _met, _unmet;
        private List<string>? _moreMet, _moreUnmet;

        public readonly bool Ok => _unmet == 0;

        public void Met(string s)
        {
            switch (_met++)
            {
                case 0: _m0 = s; break;
                case 1: _m1 = s; break;
                case 2: _m2 = s; break;
                case 3: _m3 = s; break;
                default: (_moreMet ??= []).Add(s); break;
            }
        }

        public void Unmet(string s)
        {
            switch (_unmet++)
            {
                case 0: _u0 = s; break;
                case 1: _u1 = s; break;
                case 2: _u2 = s; break;
                case 3: _u3 = s; break;
                default: (_moreUnmet ??= []).Add(s); break;
            }
        }

        public readonly EligibilityResult Result(string id, string code, string[] basis)
        {
            string[] reasons;
            if (Ok)
            {
                reasons = _met switch { 1 => [_m0!], 2 => [_m0!, _m1!], 3 => [_m0!, _m1!, _m2!], _ => [_m0!, _m1!, _m2!, _m3!] };
                if (_moreMet is not null) reasons = [.. reasons, .. _moreMet];
            }
            else
            {
                reasons = _unmet switch { 1 => [_u0!], 2 => [_u0!, _u1!], 3 => [_u0!, _u1!, _u2!], _ => [_u0!, _u1!, _u2!, _u3!] };
                if (_moreUnmet is not null) reasons = [.. reasons, .. _moreUnmet];
            }
            return new(id, code, Ok ? Verdict.Eligible : Verdict.NotEligible, reasons, basis);
        }
    }

    /// <summary>Reason sentences, each built once per engine and argument values, then shared.</summary>
    private enum R
    {
        NoRecord, RatingMet, RatingUnmet, ServiceMet, ServiceUnmet, NoDiscipline,
        LdttMet, LdttUnmet, ExcellentMet, InitiativesMet, CstdcsUnmet2022, CstdcsUnmetExcellent2013, CstdcsUnmet2013,
        CstdBoStreakMet, CstdBoAfterPrevious, CstdBoStreakUnmet, CstdBoDisciplineInRun, CstdBoCapped, ScopeMet, ScopeUnmet,
        TqNone, TqOnce, TqLatestMet, TqLatestUnmet, TqGap, TqMet, TqMissingCstdcs, TqDisciplineInRun, TqAfterPrevious, TqCapped, TqScopeMet, TqScopeUnmet,
        BoExcellentMet, BoCstdcsMet, BoCapped, BoYearUnmet, BoAfterPrevious, BoInitiativesMet, BoInitiativesUnmet, BoInitiativesUsed, BoOneOffIgnored,
        TtgBkBoMet, TtgNoBkBo, TtgNoBkBoAfterTtg, TtgBkBoTooRecent, TtgOneOffIgnored, TtgRunMet, TtgRunZero, TtgRunUnmet, TtgRunCapped, TtgNothingAfter,
        TtgCstdcsMet, TtgCstdcsUnmet, TtgInitMet, TtgInitUnmet,
    }

    /// <summary>Why a year is not a counted year: no record, discipline, or the rating.</summary>
    private enum Why { NoRecord = 1, Discipline = 2, Rating = 3, NoCstdcs = 4 }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(R, int, int, int), string> _texts = new();

    private string T(R r, int a = 0, int b = 0, int c = 0) =>
        _texts.TryGetValue((r, a, b, c), out var s) ? s : _texts.GetOrAdd((r, a, b, c), Format(r, a, b, c));

    private static string Years(int from, int to) => from == to ? I($"năm {from}") : I($"các năm {from}–{to}");

    /// <summary>A span of years as written in brackets: "2025" or "2021–2025".</summary>
    private static string Span(int from, int to) => from == to ? I($"{from}") : I($"{from}–{to}");

    private static string WhyText(Why w, Rating rating) => w switch
    {
        Why.NoRecord => "chưa có kết quả xếp loại",
        Why.Discipline => "bị kỷ luật trong năm",
        Why.NoCstdcs => "không được tặng Chiến sĩ thi đua cơ sở",
        _ => "xếp loại " + EligibilityCodes.RatingName(rating),
    };

    private string Format(R r, int a, int b, int c)
    {
        var rules = _set.Rules;
        var y = _y;
        var nBo = rules.CstdBo.ConsecutiveCstdcsTimes;
        var nBk = rules.BkBo.ConsecutiveYears;
        var nTtg = rules.BkTtg.MinConsecutiveYears;
        return r switch
        {
            R.NoRecord => I($"Chưa có kết quả xếp loại năm {y}"),
            R.RatingMet => I($"Năm {y} {EligibilityCodes.RatingName((Rating)a)}"),
            R.RatingUnmet => I($"Năm {y} xếp loại {EligibilityCodes.RatingName((Rating)a)}, chưa đạt mức {EligibilityCodes.RatingName(_ldttMin)}{(_ldttMin == Rating.HTXSNV ? "" : " trở lên")}"),
            R.ServiceMet => I($"Thời gian công tác trong năm {y}: {a} tháng (tối thiểu {rules.Ldtt.MinServiceMonths} tháng)"),
            R.ServiceUnmet => I($"Thời gian công tác trong năm {y} là {a} tháng, dưới mức tối thiểu {rules.Ldtt.MinServiceMonths} tháng"),
            R.NoDiscipline => I($"Không bị kỷ luật trong năm {y}"),
            R.LdttMet => I($"Đạt tiêu chuẩn Lao động tiên tiến năm {y}"),
            R.LdttUnmet => I($"Chưa đạt tiêu chuẩn Lao động tiên tiến năm {y}"),
            R.ExcellentMet => I($"{EligibilityCodes.RatingName(_excellent).Capitalized()} năm {y}"),
            R.InitiativesMet => I($"Có {a} sáng kiến được công nhận năm {y}"),
            R.CstdcsUnmet2022 => I($"Năm {y} không {EligibilityCodes.RatingName(_excellent)} và không có sáng kiến được công nhận"),
            R.CstdcsUnmetExcellent2013 => I($"Không có sáng kiến được công nhận năm {y} (theo luật áp dụng, hoàn thành xuất sắc nhiệm vụ không thay được sáng kiến)"),
            R.CstdcsUnmet2013 => I($"Không có sáng kiến được công nhận năm {y}"),

            R.CstdBoStreakMet => I($"Được tặng Chiến sĩ thi đua cơ sở {nBo} lần liên tục ({Span(y - nBo + 1, y)})"),
            R.CstdBoAfterPrevious => I($"{nBo} lần Chiến sĩ thi đua cơ sở {Span(y - nBo + 1, y)} đều sau lần được tặng Chiến sĩ thi đua cấp bộ, ban năm {a}"),
            // a: bit k set when year y−k lacks the title
            R.CstdBoStreakUnmet => I($"Chưa đủ {nBo} lần liên tục Chiến sĩ thi đua cơ sở {Span(y - nBo + 1, y)}: năm {YearsFromMask(a, nBo)} không được tặng"),
            R.CstdBoDisciplineInRun => I($"Năm {YearsFromMask(a, nBo)} bị kỷ luật nên không tính vào {nBo} lần liên tục Chiến sĩ thi đua cơ sở {Span(y - nBo + 1, y)}"),
            R.CstdBoCapped => I($"Đã được tặng Chiến sĩ thi đua cấp bộ, ban năm {a}: {nBo} lần Chiến sĩ thi đua cơ sở tiếp theo phải từ năm {a + 1} trở đi (sớm nhất xét năm {a + nBo}), không tính lại thành tích đã được khen"),
            R.ScopeMet => I($"Có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_boScope)} trở lên trong {Years(y - rules.CstdBo.InitiativeWindowYears + 1, y)}"),
            R.ScopeUnmet => I($"Không có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_boScope)} trở lên trong {Years(y - rules.CstdBo.InitiativeWindowYears + 1, y)}"),

            R.TqNone => I($"Chưa được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ban lần nào đến năm {y}"),
            R.TqOnce => I($"Mới được tặng Chiến sĩ thi đua cấp bộ, ban một lần (năm {a}), cần {rules.Cstdtq.ConsecutiveCstdBoTimes} lần liên tục"),
            R.TqLatestMet => I($"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {a}"),
            R.TqLatestUnmet => I($"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {a}, trước năm {y - rules.Cstdtq.LatestCstdBoWithinYears}"),
            R.TqGap => I($"Hai lần Chiến sĩ thi đua cấp bộ, ban gần nhất ({a} và {b}) cách nhau {b - a} năm, cần đúng {rules.Cstdtq.YearsBetweenCstdBo} năm (hai đợt Chiến sĩ thi đua cơ sở riêng biệt, không tính chung năm)"),
            R.TqMet => I($"Hai lần liên tục được tặng Chiến sĩ thi đua cấp bộ, ban ({a} và {b}), Chiến sĩ thi đua cơ sở mọi năm {a}–{b}"),
            // c: first year in a..b lacking CSTDCS
            R.TqMissingCstdcs => I($"Hai lần Chiến sĩ thi đua cấp bộ, ban ({a} và {b}) không liên tục: năm {c} không được tặng Chiến sĩ thi đua cơ sở"),
            R.TqDisciplineInRun => I($"Năm {c} (giữa hai lần Chiến sĩ thi đua cấp bộ, ban {a} và {b}) bị kỷ luật nên không được tính"),
            R.TqAfterPrevious => I($"Hai lần Chiến sĩ thi đua cấp bộ, ban đều sau lần được tặng Chiến sĩ thi đua toàn quốc năm {a}"),
            R.TqCapped => I($"Đã được tặng Chiến sĩ thi đua toàn quốc năm {a}: hai lần Chiến sĩ thi đua cấp bộ, ban ({b} và {c}) phải đều sau năm đó, không tính lại thành tích đã được khen"),
            R.TqScopeMet => I($"Có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_tqScope)} trong {Years(a, y)}"),
            R.TqScopeUnmet => I($"Không có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_tqScope)} trong {Years(a, y)}"),

            // a: run length
            R.BoExcellentMet => I($"{EligibilityCodes.RatingName(_boExcellent).Capitalized()} {a} năm liên tục ({Span(y - a + 1, y)})"),
            R.BoCstdcsMet => I($"Được tặng Chiến sĩ thi đua cơ sở {nBk} lần liên tục ({Span(y - nBk + 1, y)})"),
            R.BoAfterPrevious => I($"Các năm được tính đều sau thời gian thành tích của Bằng khen cấp bộ, ban lần trước (năm {a}, thành tích đến năm {b})"),
            // a: decision year, b: period end, c: 1 when the decision states its period
            R.BoCapped => (b >= y
                ? I($"Bằng khen cấp bộ, ban năm {a} đã khen thành tích đến năm {b}: chưa có năm nào sau đó đến năm {y} để tính")
                : I($"Bằng khen cấp bộ, ban năm {a} đã khen thành tích đến năm {b}: chỉ tính {Years(b + 1, y)}, chưa đủ {nBk} năm liên tục"))
                + (c != 0 ? "" : " (quyết định không ghi thời gian thành tích, tính theo năm quyết định)"),
            // a: the year that breaks the excellent run, b: why × 16 + its rating, c: the year that breaks the CSTĐCS run (0: none or not an alternative)
            R.BoYearUnmet => I($"Năm {a} {WhyText((Why)(b >> 4), (Rating)(b & 15))}: chưa đủ {nBk} năm liên tục {EligibilityCodes.RatingName(_boExcellent)} ({Span(y - nBk + 1, y)})")
                + (c != 0 ? I($"; năm {c} không được tặng Chiến sĩ thi đua cơ sở nên cũng chưa đủ {nBk} lần liên tục Chiến sĩ thi đua cơ sở") : ""),
            // a: counted, b: first year of the window
            R.BoInitiativesMet => I($"Có {a} {BoWhat} trong {Years(b, y)} (cần {rules.BkBo.MinInitiatives})"),
            R.BoInitiativesUnmet => I($"Chỉ có {a} {BoWhat} trong {Years(b, y)}, cần {rules.BkBo.MinInitiatives}"),
            // a: counted, b: first year, c: initiatives already used for a title or form
            R.BoInitiativesUsed => I($"Chỉ có {a} {BoWhat} trong {Years(b, y)}, cần {rules.BkBo.MinInitiatives} ({c} sáng kiến đã dùng làm căn cứ khen thưởng khác không được tính lại)"),
            R.BoOneOffIgnored => I($"Bằng khen cấp bộ, ban năm {a} khen thành tích đột xuất hoặc chuyên đề, không dùng làm căn cứ khen thưởng công trạng nên không giới hạn thời gian tính"),

            // a: BK_BO year, b: latest BK_TTG year or 0
            R.TtgBkBoMet => I($"Đã được tặng Bằng khen cấp bộ, ban năm {a}") + (b != 0 ? I($", sau Bằng khen của Thủ tướng năm {b}") : ""),
            R.TtgNoBkBo => I($"Chưa được tặng Bằng khen cấp bộ, ban (khen công trạng) nào, cần có trước năm {y - rules.BkTtg.MinYearsAfterBkBo + 1}"),
            R.TtgNoBkBoAfterTtg => I($"Chưa có Bằng khen cấp bộ, ban nào sau Bằng khen của Thủ tướng năm {b}"),
            // a: the latest qualifying BK_BO year (too recent)
            R.TtgBkBoTooRecent => I($"Bằng khen cấp bộ, ban gần nhất là năm {a}, cần từ năm {y - rules.BkTtg.MinYearsAfterBkBo} trở về trước{(b != 0 ? I($" và sau Bằng khen của Thủ tướng năm {b}") : "")}"),
            R.TtgOneOffIgnored => I($"Bằng khen năm {a} khen thành tích đột xuất hoặc chuyên đề, không làm căn cứ đề nghị khen thưởng công trạng"),
            R.TtgRunMet => I($"Liên tục {a} năm {TtgRatingText} đến năm {y} ({Span(y - a + 1, y)})"),
            R.TtgRunZero => I($"Năm {y} không được tính là năm {TtgRatingText} ({WhyText((Why)b, (Rating)c)})"),
            // a: run, b: the year that breaks it, c: why × 16 + its rating
            R.TtgRunUnmet => I($"Chỉ liên tục {a} năm {TtgRatingText} đến năm {y} ({Span(y - a + 1, y)}): năm {b} {WhyText((Why)(c >> 4), (Rating)(c & 15))}; cần {nTtg} năm"),
            // a: BK_TTG decision year, b: period end, c: run
            R.TtgRunCapped => I($"Bằng khen của Thủ tướng năm {a} đã khen thành tích đến năm {b}: từ đó chỉ liên tục {c} năm {TtgRatingText} ({Span(b + 1, y)}), cần {nTtg} năm"),
            R.TtgNothingAfter => I($"Bằng khen của Thủ tướng năm {a} đã khen thành tích đến năm {b}: chưa có năm nào sau đó đến năm {y} để tính"),
            R.TtgCstdcsMet => I($"Trong thời gian đó có {a} lần Chiến sĩ thi đua cơ sở (cần {rules.BkTtg.MinCstdcsInRun})"),
            // a: CSTĐCS in the run, b: the run's length
            R.TtgCstdcsUnmet => b == 0
                ? I($"Không có năm liên tục nào đến năm {y} để tính Chiến sĩ thi đua cơ sở, cần {rules.BkTtg.MinCstdcsInRun} lần")
                : I($"Trong {Years(y - b + 1, y)} chỉ có {a} lần Chiến sĩ thi đua cơ sở, cần {rules.BkTtg.MinCstdcsInRun}"),
            R.TtgInitMet => I($"Có {a} sáng kiến được công nhận trong {Years(y - rules.BkTtg.InitiativeWindowYears + 1, y)} (cần {rules.BkTtg.MinInitiatives})"),
            R.TtgInitUnmet => I($"Chỉ có {a} sáng kiến được công nhận trong {Years(y - rules.BkTtg.InitiativeWindowYears + 1, y)}, cần {rules.BkTtg.MinInitiatives}"),
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
    }

    private string YearsFromMask(int mask, int n) =>
        string.Join(", ", Enumerable.Range(0, n).Reverse().Where(k => (mask & (1 << k)) != 0).Select(k => (_y - k).ToString(System.Globalization.CultureInfo.InvariantCulture)));

    private string BoWhat => _set.Rules.BkBo.ExcludeUsedInitiatives ? "sáng kiến chưa dùng làm căn cứ cho danh hiệu, hình thức khen thưởng nào" : "sáng kiến được công nhận";

    private string TtgRatingText => EligibilityCodes.RatingName(_ttgMinRating) + (_ttgMinRating == Rating.HTXSNV ? "" : " trở lên");

    private static string DisciplineText(DisciplinePeriod d, int y) =>
        I($"Bị kỷ luật {EligibilityCodes.DisciplineName(d.Level)} từ {d.From:dd/MM/yyyy} {(d.IsOpen ? "đến nay" : I($"đến {d.To:dd/MM/yyyy}"))}, trùng năm {y}: không xét danh hiệu, hình thức khen thưởng của năm này");

    /// <summary>Why <paramref name="year"/> is not a counted year at <paramref name="minimum"/>, or 0 when it is.</summary>
    private static Why NotCounted(IndividualFacts p, int year, Rating minimum)
    {
        var f = p.For(year);
        if (!f.HasRecord) return Why.NoRecord;
        if (p.DisciplineTouching(year) is not null) return Why.Discipline;
        return f.Rating >= minimum ? 0 : Why.Rating;
    }

    private EligibilityResult Ldtt(IndividualFacts p, DisciplinePeriod? disc)
    {
        var rule = _set.Rules.Ldtt;
        var f = p.For(_y);
        var t = new Tally();
        if (!f.HasRecord) t.Unmet(T(R.NoRecord));
        else if (f.Rating >= _ldttMin) t.Met(T(R.RatingMet, (int)f.Rating));
        else t.Unmet(T(R.RatingUnmet, (int)f.Rating));
        var months = ServiceMonths(p.HiredOn, _y);
        if (months >= rule.MinServiceMonths) t.Met(T(R.ServiceMet, months));
        else t.Unmet(T(R.ServiceUnmet, months));
        if (disc is { } d) t.Unmet(DisciplineText(d, _y));
        else t.Met(T(R.NoDiscipline));
        return t.Result(p.Id, EligibilityCodes.LDTT, _bLdtt);
    }

    private EligibilityResult Cstdcs(IndividualFacts p, EligibilityResult ldtt)
    {
        var rule = _set.Rules.Cstdcs;
        var f = p.For(_y);
        var t = new Tally();
        if (ldtt.Verdict == Verdict.Eligible) t.Met(T(R.LdttMet));
        else
        {
            t.Unmet(T(R.LdttUnmet));
            foreach (var s in ldtt.Reasons) t.Unmet(s);
        }
        if (rule.ExcellentRatingSuffices && f.Rating >= _excellent) t.Met(T(R.ExcellentMet));
        else if (f.Initiatives > 0) t.Met(T(R.InitiativesMet, f.Initiatives));
        // Without a record for the year, nothing is known of its rating: only the missing initiative is stated.
        else t.Unmet(T(!f.HasRecord ? R.CstdcsUnmet2013 : rule.ExcellentRatingSuffices ? R.CstdcsUnmet2022 : f.Rating >= _excellent ? R.CstdcsUnmetExcellent2013 : R.CstdcsUnmet2013));
        return t.Result(p.Id, EligibilityCodes.CSTDCS, _bCstdcs);
    }

    private static bool WidestScopeIn(IndividualFacts p, int from, int to, InitiativeScope min)
    {
        for (var year = Math.Max(from, p.FirstYear); year <= to; year++)
        {
            if (p.For(year).WidestScope >= min) return true;
        }
        return false;
    }

    private static int InitiativesIn(IndividualFacts p, int from, int to, bool notUsedOnly)
    {
        var n = 0;
        for (var year = Math.Max(from, p.FirstYear); year <= to; year++)
        {
            var f = p.For(year);
            n += notUsedOnly ? f.InitiativesNotUsed : f.Initiatives;
        }
        return n;
    }

    /// <summary>The latest year before <paramref name="before"/> in which <paramref name="title"/> is held; 0 when none.</summary>
    private static int LatestHeldBefore(IndividualFacts p, int before, TitleSet title)
    {
        for (var yr = Math.Min(before - 1, p.FirstYear + p.Years.Length - 1); yr >= p.FirstYear; yr--)
        {
            if ((p.For(yr).Titles & title) != 0) return yr;
        }
        return 0;
    }

    private EligibilityResult CstdBo(IndividualFacts p, DisciplinePeriod? disc)
    {
        var rule = _set.Rules.CstdBo;
        var n = rule.ConsecutiveCstdcsTimes;
        var first = _y - n + 1;
        var t = new Tally();
        if (disc is { } d) t.Unmet(DisciplineText(d, _y));
        if (!p.For(_y).HasRecord) t.Unmet(T(R.NoRecord));
        // One achievement, one award: the three CSTĐCS must all come after the previous CSTĐ bộ.
        var previous = LatestHeldBefore(p, _y, TitleSet.CSTD_BO);
        if (previous >= first) t.Unmet(T(R.CstdBoCapped, previous));
        int missing = 0, disciplined = 0;
        for (var k = 0; k < n; k++)
        {
            if ((p.For(_y - k).Titles & TitleSet.CSTDCS) == 0) missing |= 1 << k;
            else if (k > 0 && p.DisciplineTouching(_y - k) is not null) disciplined |= 1 << k;
        }
        if (missing != 0) t.Unmet(T(R.CstdBoStreakUnmet, missing));
        if (disciplined != 0) t.Unmet(T(R.CstdBoDisciplineInRun, disciplined));
        if (missing == 0 && disciplined == 0 && disc is null)
        {
            t.Met(T(R.CstdBoStreakMet));
            if (previous != 0 && previous < first) t.Met(T(R.CstdBoAfterPrevious, previous));
        }
        if (WidestScopeIn(p, _y - rule.InitiativeWindowYears + 1, _y, _boScope)) t.Met(T(R.ScopeMet));
        else t.Unmet(T(R.ScopeUnmet));
        return t.Result(p.Id, EligibilityCodes.CSTD_BO, _bCstdBo);
    }

    private EligibilityResult Cstdtq(IndividualFacts p, DisciplinePeriod? disc)
    {
        var rule = _set.Rules.Cstdtq;
        var t = new Tally();
        if (disc is { } d) t.Unmet(DisciplineText(d, _y));
        int later = 0, earlier = 0;
        for (var yr = Math.Min(_y, p.FirstYear + p.Years.Length - 1); yr >= p.FirstYear; yr--)
        {
            if ((p.For(yr).Titles & TitleSet.CSTD_BO) == 0) continue;
            if (later == 0) later = yr;
            else { earlier = yr; break; }
        }
        if (later == 0) t.Unmet(T(R.TqNone));
        else
        {
            if (later >= _y - rule.LatestCstdBoWithinYears) t.Met(T(R.TqLatestMet, later));
            else t.Unmet(T(R.TqLatestUnmet, later));
            if (earlier == 0) t.Unmet(T(R.TqOnce, later));
            else
            {
                var ok = true;
                if (later - earlier != rule.YearsBetweenCstdBo) { t.Unmet(T(R.TqGap, earlier, later)); ok = false; }
                for (var yr = earlier; yr <= later; yr++)
                {
                    if ((p.For(yr).Titles & TitleSet.CSTDCS) == 0) { t.Unmet(T(R.TqMissingCstdcs, earlier, later, yr)); ok = false; break; }
                }
                for (var yr = earlier; yr <= later; yr++)
                {
                    if (yr != _y && p.DisciplineTouching(yr) is not null) { t.Unmet(T(R.TqDisciplineInRun, earlier, later, yr)); ok = false; break; }
                }
                // One achievement, one award: both runs after the previous CSTĐTQ.
                var previous = LatestHeldBefore(p, _y, TitleSet.CSTDTQ);
                if (previous >= earlier) { t.Unmet(T(R.TqCapped, previous, earlier, later)); ok = false; }
                if (ok)
                {
                    t.Met(T(R.TqMet, earlier, later));
                    if (previous != 0) t.Met(T(R.TqAfterPrevious, previous));
                }
                if (WidestScopeIn(p, earlier, _y, _tqScope)) t.Met(T(R.TqScopeMet, earlier));
                else t.Unmet(T(R.TqScopeUnmet, earlier));
            }
        }
        return t.Result(p.Id, EligibilityCodes.CSTDTQ, _bCstdtq);
    }

    /// <summary>
    /// The latest award of <paramref name="form"/> that counts, whatever its year: its decision year and the end of the
    /// period it rewarded (greatest period end). One-off and thematic awards are skipped where they are no basis for merit.
    /// </summary>
    private static (int Decision, int PeriodEnd, int IgnoredOneOff) LatestAward(IndividualFacts p, AwardForm form, bool oneOffCount)
    {
        int decision = 0, end = 0, ignored = 0;
        foreach (var a in p.Awards)
        {
            if (a.Form != form) continue;
            if (!oneOffCount && a.Basis != AwardBasis.Merit) { ignored = Math.Max(ignored, a.Year); continue; }
            if (a.PeriodEnd > end) end = a.PeriodEnd;
            if (a.Year > decision) decision = a.Year;
        }
        return (decision, end, ignored);
    }

    /// <summary>The decision year of the award whose period ends at <paramref name="end"/>, and whether it states that period.</summary>
    private static (int Decision, bool Stated) DecisionOfPeriod(IndividualFacts p, AwardForm form, int end, bool oneOffCount)
    {
        var decision = 0;
        var stated = false;
        if (end == 0) return (0, false);
        foreach (var a in p.Awards)
        {
            if (a.Form != form || a.PeriodEnd != end || (!oneOffCount && a.Basis != AwardBasis.Merit)) continue;
            if (a.Year > decision) { decision = a.Year; stated = a.PeriodTo is not null; }
        }
        return (decision, stated);
    }

    private EligibilityResult BkBo(IndividualFacts p, DisciplinePeriod? disc)
    {
        var rule = _set.Rules.BkBo;
        var n = rule.ConsecutiveYears;
        var first = _y - n + 1;
        var t = new Tally();
        if (disc is { } d) t.Unmet(DisciplineText(d, _y));
        var (_, end, ignored) = LatestAward(p, AwardForm.BK_BO, rule.OneOffAwardsCount);
        var (capDecision, stated) = DecisionOfPeriod(p, AwardForm.BK_BO, end, rule.OneOffAwardsCount);
        // Each year of the period is a counted year after the previous award's period, rated excellent
        // (or, where the rule set allows, holding CSTĐCS).
        var run = 0;
        var breakYear = 0;
        var breakWhy = (Why)0;
        var breakRating = Rating.None;
        for (var yr = _y; yr > end && yr >= (rule.LongerRunAccepted ? p.FirstYear : first); yr--)
        {
            var why = NotCounted(p, yr, _countedMin);
            if (why == 0 && p.For(yr).Rating < _boExcellent) why = Why.Rating;
            if (why != 0) { breakYear = yr; breakWhy = why; breakRating = p.For(yr).Rating; break; }
            run++;
        }
        var excellentOk = run >= n;
        var cstdcsOk = false;
        var cstdcsBreak = 0;
        if (rule.CstdcsAlternative && end < first)
        {
            cstdcsOk = true;
            for (var yr = _y; yr >= first; yr--)
            {
                if (NotCounted(p, yr, _countedMin) != 0 || (p.For(yr).Titles & TitleSet.CSTDCS) == 0) { cstdcsOk = false; cstdcsBreak = yr; break; }
            }
        }
        if (excellentOk || cstdcsOk)
        {
            // The excellent run counts its initiatives anywhere in it; the CSTĐCS branch within its own years.
            var from = excellentOk ? _y - run + 1 : first;
            var count = InitiativesIn(p, from, _y, rule.ExcludeUsedInitiatives);
            if (excellentOk && count < rule.MinInitiatives && cstdcsOk)
            {
                var alt = InitiativesIn(p, first, _y, rule.ExcludeUsedInitiatives);
                if (alt >= rule.MinInitiatives) { from = first; count = alt; excellentOk = false; }
            }
            t.Met(excellentOk ? T(R.BoExcellentMet, run) : T(R.BoCstdcsMet));
            if (end != 0) t.Met(T(R.BoAfterPrevious, capDecision, end));
            if (count >= rule.MinInitiatives) t.Met(T(R.BoInitiativesMet, count, from));
            else
            {
                var all = InitiativesIn(p, from, _y, false);
                t.Unmet(all > count ? T(R.BoInitiativesUsed, count, from, all - count) : T(R.BoInitiativesUnmet, count, from));
            }
        }
        else if (end >= first) t.Unmet(T(R.BoCapped, capDecision, end, stated ? 1 : 0));
        else if (breakYear != 0) t.Unmet(T(R.BoYearUnmet, breakYear, ((int)breakWhy << 4) | (int)breakRating, cstdcsBreak));
        else t.Unmet(T(R.BoYearUnmet, _y - run, (int)Why.NoRecord << 4, cstdcsBreak)); // the run reached the first recorded year
        if (!t.Ok && ignored != 0 && ignored >= end) t.Unmet(T(R.BoOneOffIgnored, ignored));
        return t.Result(p.Id, EligibilityCodes.BK_BO, _bBkBo);
    }

    private EligibilityResult BkTtg(IndividualFacts p, DisciplinePeriod? disc)
    {
        var rule = _set.Rules.BkTtg;
        var t = new Tally();
        if (disc is { } d) t.Unmet(DisciplineText(d, _y));
        // The previous BK_TTG counts whatever its year: its decision bounds the next BK_BO, its period the run.
        var (ttg, ttgEnd, _) = LatestAward(p, AwardForm.BK_TTG, rule.OneOffAwardsCount);
        var (ttgEndDecision, _) = DecisionOfPeriod(p, AwardForm.BK_TTG, ttgEnd, rule.OneOffAwardsCount);
        var latestAllowed = _y - rule.MinYearsAfterBkBo;
        int bkBo = 0, tooRecent = 0, ignored = 0;
        foreach (var a in p.Awards)
        {
            if (a.Form != AwardForm.BK_BO || a.Year <= ttg) continue;
            if (!rule.OneOffAwardsCount && a.Basis != AwardBasis.Merit) { ignored = Math.Max(ignored, a.Year); continue; }
            if (a.Year <= latestAllowed) bkBo = Math.Max(bkBo, a.Year);
            else tooRecent = Math.Max(tooRecent, a.Year);
        }
        if (bkBo != 0) t.Met(T(R.TtgBkBoMet, bkBo, ttg));
        else if (tooRecent != 0) t.Unmet(T(R.TtgBkBoTooRecent, tooRecent, ttg));
        else if (ttg != 0) t.Unmet(T(R.TtgNoBkBoAfterTtg, 0, ttg));
        else t.Unmet(T(R.TtgNoBkBo));
        if (bkBo == 0 && ignored != 0) t.Unmet(T(R.TtgOneOffIgnored, ignored));

        var run = 0;
        var cstdcsInRun = 0;
        int breakYear = 0;
        var breakWhy = (Why)0;
        for (var yr = _y; yr >= p.FirstYear; yr--)
        {
            if (yr <= ttgEnd) { breakYear = -1; break; }
            var why = NotCounted(p, yr, _ttgMinRating);
            if (why != 0) { breakYear = yr; breakWhy = why; break; }
            run++;
            if ((p.For(yr).Titles & TitleSet.CSTDCS) != 0) cstdcsInRun++;
        }
        if (run >= rule.MinConsecutiveYears) t.Met(T(R.TtgRunMet, run));
        else if (breakYear == -1) t.Unmet(run == 0 ? T(R.TtgNothingAfter, ttgEndDecision, ttgEnd) : T(R.TtgRunCapped, ttgEndDecision, ttgEnd, run));
        else if (run == 0) t.Unmet(T(R.TtgRunZero, 0, (int)(breakWhy == 0 ? Why.NoRecord : breakWhy), (int)p.For(_y).Rating));
        else
        {
            var at = breakYear == 0 ? _y - run : breakYear;
            t.Unmet(T(R.TtgRunUnmet, run, at, ((int)(breakWhy == 0 ? Why.NoRecord : breakWhy) << 4) | (int)p.For(at).Rating));
        }
        if (rule.MinCstdcsInRun > 0)
        {
            if (cstdcsInRun >= rule.MinCstdcsInRun) t.Met(T(R.TtgCstdcsMet, cstdcsInRun));
            else t.Unmet(T(R.TtgCstdcsUnmet, cstdcsInRun, run));
        }
        if (rule.MinInitiatives > 0)
        {
            var count = InitiativesIn(p, _y - rule.InitiativeWindowYears + 1, _y, false);
            if (count >= rule.MinInitiatives) t.Met(T(R.TtgInitMet, count));
            else t.Unmet(T(R.TtgInitUnmet, count));
        }
        return t.Result(p.Id, EligibilityCodes.BK_TTG, _bBkTtg);
    }

    private static void Check(ref Tally t, bool met, string metText, string unmetText)
    {
        if (met) t.Met(metText);
        else t.Unmet(unmetText);
    }

    private static string RatingAtLeast(Rating r) => EligibilityCodes.RatingName(r) + (r == Rating.HTXSNV ? "" : " trở lên");

    private EligibilityResult Ttldtt(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldtt;
        var t = new Tally();
        Check(ref t, f.Rating >= _ttldttMin,
            I($"Tập thể {EligibilityCodes.RatingName(f.Rating)} năm {_y}"),
            I($"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa đạt {RatingAtLeast(_ttldttMin)}"));
        Check(ref t, (long)f.MembersLdtt * 100 > (long)rule.LdttPercentMoreThan * f.Members,
            I($"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, trên {rule.LdttPercentMoreThan}%"),
            I($"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến năm {_y}, cần trên {rule.LdttPercentMoreThan}%"));
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            Check(ref t, f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                I($"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm {_y}"));
        }
        Check(ref t, f.United, "Nội bộ đoàn kết", I($"Chưa được xác nhận nội bộ đoàn kết năm {_y}"));
        return t.Result(id, EligibilityCodes.TTLDTT, _bTtldtt);
    }

    private EligibilityResult Ttldxs(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldxs;
        var t = new Tally();
        Check(ref t, f.Rating >= _ttldxsMin,
            I($"Tập thể {EligibilityCodes.RatingName(f.Rating)} năm {_y}"),
            I($"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa đạt {RatingAtLeast(_ttldxsMin)}"));
        Check(ref t, (long)f.MembersCompletedTasks * 100 >= (long)rule.CompletedTasksPercentAtLeast * f.Members,
            I($"{f.MembersCompletedTasks}/{f.Members} cá nhân hoàn thành nhiệm vụ (cần {rule.CompletedTasksPercentAtLeast}%)"),
            I($"Chỉ {f.MembersCompletedTasks}/{f.Members} cá nhân hoàn thành nhiệm vụ năm {_y}, cần {rule.CompletedTasksPercentAtLeast}%"));
        Check(ref t, (long)f.MembersLdtt * 100 >= (long)rule.LdttPercentAtLeast * f.Members,
            I($"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, từ {rule.LdttPercentAtLeast}% trở lên"),
            I($"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến năm {_y}, cần ít nhất {rule.LdttPercentAtLeast}%"));
        Check(ref t, f.MembersCstdcs >= rule.MinCstdcsMembers,
            I($"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở"),
            I($"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở năm {_y}, cần ít nhất {rule.MinCstdcsMembers}"));
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            Check(ref t, f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                I($"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên trong năm {_y}"));
        }
        Check(ref t, f.United, "Nội bộ đoàn kết", I($"Chưa được xác nhận nội bộ đoàn kết năm {_y}"));
        return t.Result(id, EligibilityCodes.TTLDXS, _bTtldxs);
    }
}

internal static class TextExtensions
{
    public static string Capitalized(this string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
