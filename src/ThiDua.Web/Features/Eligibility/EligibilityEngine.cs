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
    private readonly Rating _ttgMinRating;

    public EligibilityEngine(RuleSet set, int asOfYear)
    {
        _set = set;
        _y = asOfYear;
        _deferredReason = [$"Đang trong thời gian xem xét kỷ luật, điều tra, thanh tra, kiểm tra hoặc giải quyết khiếu nại, tố cáo: hoãn xét đến khi có kết luận"];
        EligibilityCodes.TryParseScope(set.Rules.CstdBo.InitiativeMinScope, out _boScope);
        EligibilityCodes.TryParseScope(set.Rules.Cstdtq.InitiativeMinScope, out _tqScope);
        EligibilityCodes.TryParseRating(set.Rules.BkTtg.MinRating, out _ttgMinRating);
    }

    public RuleSet RuleSet => _set;
    public int AsOfYear => _y;

    public static EligibilityEngine For(RuleBook book, int asOfYear) => new(book.For(asOfYear), asOfYear);

    public EligibilityResult[] Evaluate(IndividualFacts p)
    {
        var r = _set.Rules;
        if (p.PendingReview)
        {
            var basis = r.Deferral.Basis;
            return Array.ConvertAll(EligibilityCodes.Individual, c => new EligibilityResult(p.Id, c, Verdict.Deferred, _deferredReason, basis));
        }
        var ldtt = Ldtt(p);
        var cstdcs = Cstdcs(p, ldtt);
        return [ldtt, cstdcs, CstdBo(p), Cstdtq(p), BkBo(p), BkTtg(p)];
    }

    public EligibilityResult[] Evaluate(CollectiveFacts c)
    {
        var r = _set.Rules;
        if (c.PendingReview)
        {
            return Array.ConvertAll(EligibilityCodes.Collective, code => new EligibilityResult(c.Id, code, Verdict.Deferred, _deferredReason, r.Deferral.Basis));
        }
        if (!c.Years.TryGetValue(_y, out var f))
        {
            string[] none = [$"Chưa có số liệu của tập thể năm {_y}"];
            return [Result(c.Id, EligibilityCodes.TTLDTT, false, none, r.Ttldtt), Result(c.Id, EligibilityCodes.TTLDXS, false, none, r.Ttldxs)];
        }
        return [Ttldtt(c.Id, f), Ttldxs(c.Id, f)];
    }

    private static EligibilityResult Result(string id, string code, bool ok, string[] reasons, RuleBase rule) =>
        new(id, code, ok ? Verdict.Eligible : Verdict.NotEligible, reasons, rule.Basis);

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

        public readonly EligibilityResult Result(string id, string code, RuleBase rule)
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
            return new(id, code, Ok ? Verdict.Eligible : Verdict.NotEligible, reasons, rule.Basis);
        }
    }

    /// <summary>Reason sentences, each built once per engine and argument values, then shared.</summary>
    private enum R
    {
        NoRecord, RatingMet, RatingUnmet, ServiceMet, ServiceUnmet, NoDiscipline,
        LdttMet, LdttUnmet, ExcellentMet, InitiativesMet, CstdcsUnmet2022, CstdcsUnmetExcellent2013, CstdcsUnmet2013,
        CstdBoStreakMet, CstdBoStreakUnmet, ScopeMet, ScopeUnmet,
        TqNone, TqOnce, TqLatestMet, TqLatestUnmet, TqTooFar, TqMet, TqScopeMet, TqScopeUnmet,
        BoExcellentMet, BoCstdcsMet, BoStreakUnmet, BoInitiativesMet, BoInitiativesUnmet,
        TtgBkBoMet, TtgBkBoUnmet, TtgRunMet, TtgRunZero, TtgRunUnmet, TtgCstdcsMet, TtgCstdcsUnmet, TtgInitMet, TtgInitUnmet,
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<long, string> _texts = new();

    private string T(R r, int a = 0, int b = 0)
    {
        var key = ((long)r << 48) | ((long)(uint)a & 0xFFFFFF) << 24 | ((uint)b & 0xFFFFFF);
        return _texts.TryGetValue(key, out var s) ? s : _texts.GetOrAdd(key, Format(r, a, b));
    }

    private string Format(R r, int a, int b)
    {
        var rules = _set.Rules;
        var y = _y;
        return r switch
        {
            R.NoRecord => $"Chưa có kết quả xếp loại năm {y}",
            R.RatingMet => $"Năm {y} {EligibilityCodes.RatingName((Rating)a)}",
            R.RatingUnmet => $"Năm {y} xếp loại {EligibilityCodes.RatingName((Rating)a)}, chưa đạt mức hoàn thành tốt nhiệm vụ trở lên",
            R.ServiceMet => $"Thời gian công tác trong năm {y}: {a} tháng (tối thiểu {rules.Ldtt.MinServiceMonths} tháng)",
            R.ServiceUnmet => $"Thời gian công tác trong năm {y} là {a} tháng, dưới mức tối thiểu {rules.Ldtt.MinServiceMonths} tháng",
            R.NoDiscipline => $"Không bị kỷ luật trong năm {y}",
            R.LdttMet => $"Đạt tiêu chuẩn Lao động tiên tiến năm {y}",
            R.LdttUnmet => $"Chưa đạt tiêu chuẩn Lao động tiên tiến năm {y}",
            R.ExcellentMet => $"Hoàn thành xuất sắc nhiệm vụ năm {y}",
            R.InitiativesMet => $"Có {a} sáng kiến được công nhận năm {y}",
            R.CstdcsUnmet2022 => $"Năm {y} không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến được công nhận",
            R.CstdcsUnmetExcellent2013 => $"Không có sáng kiến được công nhận năm {y} (theo luật áp dụng, hoàn thành xuất sắc nhiệm vụ không thay được sáng kiến)",
            R.CstdcsUnmet2013 => $"Không có sáng kiến được công nhận năm {y}",
            R.CstdBoStreakMet => $"Được tặng Chiến sĩ thi đua cơ sở {rules.CstdBo.ConsecutiveCstdcsTimes} lần liên tục ({y - rules.CstdBo.ConsecutiveCstdcsTimes + 1}–{y})",
            // a: bit k set when year y−k lacks the title
            R.CstdBoStreakUnmet => $"Chưa đủ {rules.CstdBo.ConsecutiveCstdcsTimes} lần liên tục Chiến sĩ thi đua cơ sở {y - rules.CstdBo.ConsecutiveCstdcsTimes + 1}–{y}: thiếu năm {string.Join(", ", Enumerable.Range(0, rules.CstdBo.ConsecutiveCstdcsTimes).Reverse().Where(k => (a & (1 << k)) != 0).Select(k => y - k))}",
            R.ScopeMet => $"Có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_boScope)} trở lên trong các năm {y - rules.CstdBo.InitiativeWindowYears + 1}–{y}",
            R.ScopeUnmet => $"Không có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_boScope)} trở lên trong các năm {y - rules.CstdBo.InitiativeWindowYears + 1}–{y}",
            R.TqNone => "Chưa được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ban lần nào",
            R.TqOnce => $"Mới được tặng Chiến sĩ thi đua cấp bộ, ban một lần (năm {a}), cần 2 lần liên tục",
            R.TqLatestMet => $"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {a}",
            R.TqLatestUnmet => $"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {a}, trước năm {y - rules.Cstdtq.LatestCstdBoWithinYears}",
            R.TqTooFar => $"Hai lần Chiến sĩ thi đua cấp bộ, ban ({a} và {b}) cách nhau quá {rules.Cstdtq.MaxYearsBetweenCstdBo} năm, không liên tục",
            R.TqMet => $"Hai lần liên tục được tặng Chiến sĩ thi đua cấp bộ, ban ({a} và {b})",
            R.TqScopeMet => $"Có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_tqScope)} trong các năm {a}–{y}",
            R.TqScopeUnmet => $"Không có sáng kiến được công nhận phạm vi {EligibilityCodes.ScopeName(_tqScope)} trong các năm {a}–{y}",
            R.BoExcellentMet => $"Hoàn thành xuất sắc nhiệm vụ {rules.BkBo.ConsecutiveYears} năm liên tục ({y - rules.BkBo.ConsecutiveYears + 1}–{y})",
            R.BoCstdcsMet => $"Được tặng Chiến sĩ thi đua cơ sở {rules.BkBo.ConsecutiveYears} lần liên tục ({y - rules.BkBo.ConsecutiveYears + 1}–{y})",
            R.BoStreakUnmet => rules.BkBo.CstdcsAlternative
                ? $"Không có {rules.BkBo.ConsecutiveYears} năm liên tục hoàn thành xuất sắc nhiệm vụ, cũng không có {rules.BkBo.ConsecutiveYears} lần liên tục Chiến sĩ thi đua cơ sở ({y - rules.BkBo.ConsecutiveYears + 1}–{y})"
                : $"Không có {rules.BkBo.ConsecutiveYears} năm liên tục hoàn thành xuất sắc nhiệm vụ ({y - rules.BkBo.ConsecutiveYears + 1}–{y})",
            R.BoInitiativesMet => $"Có {a} {BoWhat} trong các năm {y - rules.BkBo.ConsecutiveYears + 1}–{y} (cần {rules.BkBo.MinInitiatives})",
            // a: counted, b: all
            R.BoInitiativesUnmet => $"Chỉ có {a} {BoWhat} trong các năm {y - rules.BkBo.ConsecutiveYears + 1}–{y}, cần {rules.BkBo.MinInitiatives}"
                + (b > a ? $" ({b - a} sáng kiến đã dùng làm căn cứ danh hiệu không được tính lại)" : ""),
            // a: BK_BO year, b: latest BK_TTG year or 0
            R.TtgBkBoMet => $"Đã được tặng Bằng khen cấp bộ, ban năm {a}" + (b != 0 ? $", sau Bằng khen của Thủ tướng năm {b}" : ""),
            R.TtgBkBoUnmet => (b != 0 ? $"Sau Bằng khen của Thủ tướng năm {b}, chưa" : "Chưa") + $" được tặng Bằng khen cấp bộ, ban trong các năm đến {y - rules.BkTtg.MinYearsAfterBkBo}",
            R.TtgRunMet => $"Liên tục {a} năm {TtgRatingText} đến năm {y}",
            R.TtgRunZero => $"Năm {y} không được tính là năm {TtgRatingText} (thiếu xếp loại, xếp loại thấp hơn hoặc bị kỷ luật)",
            R.TtgRunUnmet => $"Chỉ liên tục {a} năm {TtgRatingText} đến năm {y} ({y - a + 1}–{y}), cần {rules.BkTtg.MinConsecutiveYears} năm",
            R.TtgCstdcsMet => $"Trong thời gian đó có {a} lần Chiến sĩ thi đua cơ sở (cần {rules.BkTtg.MinCstdcsInRun})",
            R.TtgCstdcsUnmet => $"Trong thời gian đó chỉ có {a} lần Chiến sĩ thi đua cơ sở, cần {rules.BkTtg.MinCstdcsInRun}",
            R.TtgInitMet => $"Có {a} sáng kiến được công nhận trong các năm {y - rules.BkTtg.InitiativeWindowYears + 1}–{y} (cần {rules.BkTtg.MinInitiatives})",
            R.TtgInitUnmet => $"Chỉ có {a} sáng kiến được công nhận trong các năm {y - rules.BkTtg.InitiativeWindowYears + 1}–{y}, cần {rules.BkTtg.MinInitiatives}",
            _ => throw new ArgumentOutOfRangeException(nameof(r)),
        };
    }

    private string BoWhat => _set.Rules.BkBo.ExcludeUsedInitiatives ? "sáng kiến chưa dùng làm căn cứ cho danh hiệu khác" : "sáng kiến được công nhận";

    private string TtgRatingText => EligibilityCodes.RatingName(_ttgMinRating) + (_ttgMinRating == Rating.HTXSNV ? "" : " trở lên");

    private EligibilityResult Ldtt(IndividualFacts p)
    {
        var rule = _set.Rules.Ldtt;
        var f = p.For(_y);
        var t = new Tally();
        if (!f.HasRecord) t.Unmet(T(R.NoRecord));
        else if (f.Rating >= Rating.HTTNV) t.Met(T(R.RatingMet, (int)f.Rating));
        else t.Unmet(T(R.RatingUnmet, (int)f.Rating));
        var months = ServiceMonths(p.HiredOn, _y);
        if (months >= rule.MinServiceMonths) t.Met(T(R.ServiceMet, months));
        else t.Unmet(T(R.ServiceUnmet, months));
        if (p.DisciplineTouching(_y) is { } d) t.Unmet($"Bị kỷ luật {EligibilityCodes.DisciplineName(d.Level)} từ {d.From:dd/MM/yyyy} đến {d.To:dd/MM/yyyy}, trùng năm {_y}");
        else t.Met(T(R.NoDiscipline));
        return t.Result(p.Id, EligibilityCodes.LDTT, rule);
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
        if (rule.ExcellentRatingSuffices && f.Rating == Rating.HTXSNV) t.Met(T(R.ExcellentMet));
        else if (f.Initiatives > 0) t.Met(T(R.InitiativesMet, f.Initiatives));
        else t.Unmet(T(rule.ExcellentRatingSuffices ? R.CstdcsUnmet2022 : f.Rating == Rating.HTXSNV ? R.CstdcsUnmetExcellent2013 : R.CstdcsUnmet2013));
        return t.Result(p.Id, EligibilityCodes.CSTDCS, rule);
    }

    private static bool WidestScopeIn(IndividualFacts p, int from, int to, InitiativeScope min)
    {
        for (var year = from; year <= to; year++)
        {
            if (p.For(year).WidestScope >= min) return true;
        }
        return false;
    }

    private static int InitiativesIn(IndividualFacts p, int from, int to, bool notUsedOnly)
    {
        var n = 0;
        for (var year = from; year <= to; year++)
        {
            var f = p.For(year);
            n += notUsedOnly ? f.InitiativesNotUsed : f.Initiatives;
        }
        return n;
    }

    private static bool HeldEvery(IndividualFacts p, int from, int to, TitleSet title)
    {
        for (var year = from; year <= to; year++)
        {
            if ((p.For(year).Titles & title) == 0) return false;
        }
        return true;
    }

    private static string MissingYears(IndividualFacts p, int from, int to, TitleSet title) =>
        string.Join(", ", Enumerable.Range(from, Math.Max(0, to - from + 1)).Where(yr => (p.For(yr).Titles & title) == 0));

    private EligibilityResult CstdBo(IndividualFacts p)
    {
        var rule = _set.Rules.CstdBo;
        var t = new Tally();
        var missing = 0;
        for (var k = 0; k < rule.ConsecutiveCstdcsTimes; k++)
        {
            if ((p.For(_y - k).Titles & TitleSet.CSTDCS) == 0) missing |= 1 << k;
        }
        if (missing == 0) t.Met(T(R.CstdBoStreakMet));
        else t.Unmet(T(R.CstdBoStreakUnmet, missing));
        if (WidestScopeIn(p, _y - rule.InitiativeWindowYears + 1, _y, _boScope)) t.Met(T(R.ScopeMet));
        else t.Unmet(T(R.ScopeUnmet));
        return t.Result(p.Id, EligibilityCodes.CSTD_BO, rule);
    }

    private EligibilityResult Cstdtq(IndividualFacts p)
    {
        var rule = _set.Rules.Cstdtq;
        var t = new Tally();
        int later = 0, earlier = 0;
        for (var yr = _y; yr >= p.FirstYear && p.Years.Length > 0; yr--)
        {
            if ((p.For(yr).Titles & TitleSet.CSTD_BO) == 0) continue;
            if (later == 0) later = yr;
            else { earlier = yr; break; }
        }
        if (later == 0) t.Unmet(T(R.TqNone));
        else if (earlier == 0) t.Unmet(T(R.TqOnce, later));
        else
        {
            if (later >= _y - rule.LatestCstdBoWithinYears) t.Met(T(R.TqLatestMet, later));
            else t.Unmet(T(R.TqLatestUnmet, later));
            if (later - earlier > rule.MaxYearsBetweenCstdBo) t.Unmet(T(R.TqTooFar, earlier, later));
            else if (HeldEvery(p, earlier + 1, later - 1, TitleSet.CSTDCS)) t.Met(T(R.TqMet, earlier, later));
            else t.Unmet($"Hai lần Chiến sĩ thi đua cấp bộ, ban ({earlier} và {later}) không liên tục: năm {MissingYears(p, earlier + 1, later - 1, TitleSet.CSTDCS)} không đạt Chiến sĩ thi đua cơ sở");
            if (WidestScopeIn(p, earlier, _y, _tqScope)) t.Met(T(R.TqScopeMet, earlier));
            else t.Unmet(T(R.TqScopeUnmet, earlier));
        }
        return t.Result(p.Id, EligibilityCodes.CSTDTQ, rule);
    }

    private EligibilityResult BkBo(IndividualFacts p)
    {
        var rule = _set.Rules.BkBo;
        var first = _y - rule.ConsecutiveYears + 1;
        var t = new Tally();
        var excellent = true;
        for (var yr = first; yr <= _y; yr++) excellent &= p.For(yr).Rating == Rating.HTXSNV;
        if (excellent) t.Met(T(R.BoExcellentMet));
        else if (rule.CstdcsAlternative && HeldEvery(p, first, _y, TitleSet.CSTDCS)) t.Met(T(R.BoCstdcsMet));
        else t.Unmet(T(R.BoStreakUnmet));
        var count = InitiativesIn(p, first, _y, rule.ExcludeUsedInitiatives);
        if (count >= rule.MinInitiatives) t.Met(T(R.BoInitiativesMet, count));
        else t.Unmet(T(R.BoInitiativesUnmet, count, InitiativesIn(p, first, _y, false)));
        return t.Result(p.Id, EligibilityCodes.BK_BO, rule);
    }

    private EligibilityResult BkTtg(IndividualFacts p)
    {
        var rule = _set.Rules.BkTtg;
        var t = new Tally();
        int? lastTtg = null, bkBo = null;
        foreach (var a in p.Awards)
        {
            if (a.Form == AwardForm.BK_TTG && a.Year <= _y && (lastTtg is null || a.Year > lastTtg)) lastTtg = a.Year;
        }
        foreach (var a in p.Awards)
        {
            if (a.Form == AwardForm.BK_BO && (lastTtg is null || a.Year > lastTtg) && a.Year <= _y - rule.MinYearsAfterBkBo && (bkBo is null || a.Year > bkBo)) bkBo = a.Year;
        }
        if (bkBo is { } b) t.Met(T(R.TtgBkBoMet, b, lastTtg ?? 0));
        else t.Unmet(T(R.TtgBkBoUnmet, 0, lastTtg ?? 0));

        var run = 0;
        var cstdcsInRun = 0;
        for (var yr = _y; (lastTtg is null || yr > lastTtg) && p.IsCounted(yr, _ttgMinRating); yr--)
        {
            run++;
            if ((p.For(yr).Titles & TitleSet.CSTDCS) != 0) cstdcsInRun++;
        }
        if (run >= rule.MinConsecutiveYears) t.Met(T(R.TtgRunMet, run));
        else t.Unmet(T(run == 0 ? R.TtgRunZero : R.TtgRunUnmet, run));
        if (rule.MinCstdcsInRun > 0)
        {
            if (cstdcsInRun >= rule.MinCstdcsInRun) t.Met(T(R.TtgCstdcsMet, cstdcsInRun));
            else t.Unmet(T(R.TtgCstdcsUnmet, cstdcsInRun));
        }
        if (rule.MinInitiatives > 0)
        {
            var count = InitiativesIn(p, _y - rule.InitiativeWindowYears + 1, _y, false);
            if (count >= rule.MinInitiatives) t.Met(T(R.TtgInitMet, count));
            else t.Unmet(T(R.TtgInitUnmet, count));
        }
        return t.Result(p.Id, EligibilityCodes.BK_TTG, rule);
    }

    private static void Check(ref Tally t, bool met, string metText, string unmetText)
    {
        if (met) t.Met(metText);
        else t.Unmet(unmetText);
    }

    private EligibilityResult Ttldtt(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldtt;
        var t = new Tally();
        Check(ref t, f.Rating >= Rating.HTTNV,
            $"Tập thể {EligibilityCodes.RatingName(f.Rating)} năm {_y}",
            $"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa đạt hoàn thành tốt nhiệm vụ trở lên");
        Check(ref t, (long)f.MembersLdtt * 100 > (long)rule.LdttPercentMoreThan * f.Members,
            $"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, trên {rule.LdttPercentMoreThan}%",
            $"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, cần trên {rule.LdttPercentMoreThan}%");
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            Check(ref t, f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                $"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên");
        }
        Check(ref t, f.United, "Nội bộ đoàn kết", "Chưa được xác nhận nội bộ đoàn kết");
        return t.Result(id, EligibilityCodes.TTLDTT, rule);
    }

    private EligibilityResult Ttldxs(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldxs;
        var t = new Tally();
        Check(ref t, f.Rating == Rating.HTXSNV,
            $"Tập thể hoàn thành xuất sắc nhiệm vụ năm {_y}",
            $"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa hoàn thành xuất sắc nhiệm vụ");
        Check(ref t, f.MembersCompletedTasks >= f.Members,
            $"100% cá nhân ({f.Members}/{f.Members}) hoàn thành nhiệm vụ",
            $"Chỉ {f.MembersCompletedTasks}/{f.Members} cá nhân hoàn thành nhiệm vụ, cần 100%");
        Check(ref t, (long)f.MembersLdtt * 100 >= (long)rule.LdttPercentAtLeast * f.Members,
            $"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, từ {rule.LdttPercentAtLeast}% trở lên",
            $"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, cần ít nhất {rule.LdttPercentAtLeast}%");
        Check(ref t, f.MembersCstdcs >= rule.MinCstdcsMembers,
            $"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở",
            $"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở, cần ít nhất {rule.MinCstdcsMembers}");
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            Check(ref t, f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                $"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên");
        }
        Check(ref t, f.United, "Nội bộ đoàn kết", "Chưa được xác nhận nội bộ đoàn kết");
        return t.Result(id, EligibilityCodes.TTLDXS, rule);
    }
}
