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
    private sealed class Tally
    {
        public readonly List<string> Met = new(4);
        public readonly List<string> Unmet = new(2);
        public bool Ok => Unmet.Count == 0;
        public void Add(bool met, string metText, string unmetText) => (met ? Met : Unmet).Add(met ? metText : unmetText);
        public EligibilityResult Result(string id, string code, RuleBase rule) =>
            new(id, code, Ok ? Verdict.Eligible : Verdict.NotEligible, Ok ? Met : Unmet, rule.Basis);
    }

    private EligibilityResult Ldtt(IndividualFacts p)
    {
        var rule = _set.Rules.Ldtt;
        var f = p.For(_y);
        var t = new Tally();
        if (!f.HasRecord) t.Unmet.Add($"Chưa có kết quả xếp loại năm {_y}");
        else t.Add(f.Rating >= Rating.HTTNV,
            $"Năm {_y} {EligibilityCodes.RatingName(f.Rating)}",
            $"Năm {_y} xếp loại {EligibilityCodes.RatingName(f.Rating)}, chưa đạt mức hoàn thành tốt nhiệm vụ trở lên");
        var months = ServiceMonths(p.HiredOn, _y);
        t.Add(months >= rule.MinServiceMonths,
            $"Thời gian công tác trong năm {_y}: {months} tháng (tối thiểu {rule.MinServiceMonths} tháng)",
            $"Thời gian công tác trong năm {_y} là {months} tháng, dưới mức tối thiểu {rule.MinServiceMonths} tháng");
        if (p.DisciplineTouching(_y) is { } d) t.Unmet.Add($"Bị kỷ luật {EligibilityCodes.DisciplineName(d.Level)} từ {d.From:dd/MM/yyyy} đến {d.To:dd/MM/yyyy}, trùng năm {_y}");
        else t.Met.Add($"Không bị kỷ luật trong năm {_y}");
        return t.Result(p.Id, EligibilityCodes.LDTT, rule);
    }

    private EligibilityResult Cstdcs(IndividualFacts p, EligibilityResult ldtt)
    {
        var rule = _set.Rules.Cstdcs;
        var f = p.For(_y);
        var t = new Tally();
        if (ldtt.Verdict == Verdict.Eligible) t.Met.Add($"Đạt tiêu chuẩn Lao động tiên tiến năm {_y}");
        else
        {
            t.Unmet.Add($"Chưa đạt tiêu chuẩn Lao động tiên tiến năm {_y}");
            t.Unmet.AddRange(ldtt.Reasons);
        }
        if (rule.ExcellentRatingSuffices && f.Rating == Rating.HTXSNV) t.Met.Add($"Hoàn thành xuất sắc nhiệm vụ năm {_y}");
        else if (f.Initiatives > 0) t.Met.Add($"Có {f.Initiatives} sáng kiến được công nhận năm {_y}");
        else t.Unmet.Add(rule.ExcellentRatingSuffices
            ? $"Năm {_y} không hoàn thành xuất sắc nhiệm vụ và không có sáng kiến được công nhận"
            : f.Rating == Rating.HTXSNV
                ? $"Không có sáng kiến được công nhận năm {_y} (theo luật áp dụng, hoàn thành xuất sắc nhiệm vụ không thay được sáng kiến)"
                : $"Không có sáng kiến được công nhận năm {_y}");
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
        var first = _y - rule.ConsecutiveCstdcsTimes + 1;
        t.Add(HeldEvery(p, first, _y, TitleSet.CSTDCS),
            $"Được tặng Chiến sĩ thi đua cơ sở {rule.ConsecutiveCstdcsTimes} lần liên tục ({first}–{_y})",
            $"Chưa đủ {rule.ConsecutiveCstdcsTimes} lần liên tục Chiến sĩ thi đua cơ sở {first}–{_y}: thiếu năm {MissingYears(p, first, _y, TitleSet.CSTDCS)}");
        var from = _y - rule.InitiativeWindowYears + 1;
        var scope = EligibilityCodes.ScopeName(_boScope);
        t.Add(WidestScopeIn(p, from, _y, _boScope),
            $"Có sáng kiến được công nhận phạm vi {scope} trở lên trong các năm {from}–{_y}",
            $"Không có sáng kiến được công nhận phạm vi {scope} trở lên trong các năm {from}–{_y}");
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
        if (later == 0) t.Unmet.Add("Chưa được tặng danh hiệu Chiến sĩ thi đua cấp bộ, ban lần nào");
        else if (earlier == 0) t.Unmet.Add($"Mới được tặng Chiến sĩ thi đua cấp bộ, ban một lần (năm {later}), cần 2 lần liên tục");
        else
        {
            t.Add(later >= _y - rule.LatestCstdBoWithinYears,
                $"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {later}",
                $"Lần gần nhất được tặng Chiến sĩ thi đua cấp bộ, ban là năm {later}, trước năm {_y - rule.LatestCstdBoWithinYears}");
            if (later - earlier > rule.MaxYearsBetweenCstdBo)
                t.Unmet.Add($"Hai lần Chiến sĩ thi đua cấp bộ, ban ({earlier} và {later}) cách nhau quá {rule.MaxYearsBetweenCstdBo} năm, không liên tục");
            else t.Add(HeldEvery(p, earlier + 1, later - 1, TitleSet.CSTDCS),
                $"Hai lần liên tục được tặng Chiến sĩ thi đua cấp bộ, ban ({earlier} và {later})",
                $"Hai lần Chiến sĩ thi đua cấp bộ, ban ({earlier} và {later}) không liên tục: năm {MissingYears(p, earlier + 1, later - 1, TitleSet.CSTDCS)} không đạt Chiến sĩ thi đua cơ sở");
            var scope = EligibilityCodes.ScopeName(_tqScope);
            t.Add(WidestScopeIn(p, earlier, _y, _tqScope),
                $"Có sáng kiến được công nhận phạm vi {scope} trong các năm {earlier}–{_y}",
                $"Không có sáng kiến được công nhận phạm vi {scope} trong các năm {earlier}–{_y}");
        }
        return t.Result(p.Id, EligibilityCodes.CSTDTQ, rule);
    }

    private EligibilityResult BkBo(IndividualFacts p)
    {
        var rule = _set.Rules.BkBo;
        var n = rule.ConsecutiveYears;
        var first = _y - n + 1;
        var t = new Tally();
        var excellent = true;
        for (var yr = first; yr <= _y; yr++) excellent &= p.For(yr).Rating == Rating.HTXSNV;
        var cstdcs = rule.CstdcsAlternative && HeldEvery(p, first, _y, TitleSet.CSTDCS);
        if (excellent) t.Met.Add($"Hoàn thành xuất sắc nhiệm vụ {n} năm liên tục ({first}–{_y})");
        else if (cstdcs) t.Met.Add($"Được tặng Chiến sĩ thi đua cơ sở {n} lần liên tục ({first}–{_y})");
        else t.Unmet.Add(rule.CstdcsAlternative
            ? $"Không có {n} năm liên tục hoàn thành xuất sắc nhiệm vụ, cũng không có {n} lần liên tục Chiến sĩ thi đua cơ sở ({first}–{_y})"
            : $"Không có {n} năm liên tục hoàn thành xuất sắc nhiệm vụ ({first}–{_y})");
        var count = InitiativesIn(p, first, _y, rule.ExcludeUsedInitiatives);
        var all = InitiativesIn(p, first, _y, false);
        var what = rule.ExcludeUsedInitiatives ? "sáng kiến chưa dùng làm căn cứ cho danh hiệu khác" : "sáng kiến được công nhận";
        t.Add(count >= rule.MinInitiatives,
            $"Có {count} {what} trong các năm {first}–{_y} (cần {rule.MinInitiatives})",
            $"Chỉ có {count} {what} trong các năm {first}–{_y}, cần {rule.MinInitiatives}"
                + (all > count ? $" ({all - count} sáng kiến đã dùng làm căn cứ danh hiệu không được tính lại)" : ""));
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
        var latest = _y - rule.MinYearsAfterBkBo;
        if (bkBo is { } b) t.Met.Add($"Đã được tặng Bằng khen cấp bộ, ban năm {b}" + (lastTtg is { } t0 ? $", sau Bằng khen của Thủ tướng năm {t0}" : ""));
        else t.Unmet.Add((lastTtg is { } t1 ? $"Sau Bằng khen của Thủ tướng năm {t1}, chưa" : "Chưa")
            + $" được tặng Bằng khen cấp bộ, ban trong các năm đến {latest}");

        var run = 0;
        var cstdcsInRun = 0;
        for (var yr = _y; (lastTtg is null || yr > lastTtg) && p.IsCounted(yr, _ttgMinRating); yr--)
        {
            run++;
            if ((p.For(yr).Titles & TitleSet.CSTDCS) != 0) cstdcsInRun++;
        }
        var ratingText = EligibilityCodes.RatingName(_ttgMinRating) + (_ttgMinRating == Rating.HTXSNV ? "" : " trở lên");
        t.Add(run >= rule.MinConsecutiveYears,
            $"Liên tục {run} năm {ratingText} đến năm {_y}",
            run == 0
                ? $"Năm {_y} không được tính là năm {ratingText} (thiếu xếp loại, xếp loại thấp hơn hoặc bị kỷ luật)"
                : $"Chỉ liên tục {run} năm {ratingText} đến năm {_y} ({_y - run + 1}–{_y}), cần {rule.MinConsecutiveYears} năm");
        if (rule.MinCstdcsInRun > 0)
        {
            t.Add(cstdcsInRun >= rule.MinCstdcsInRun,
                $"Trong thời gian đó có {cstdcsInRun} lần Chiến sĩ thi đua cơ sở (cần {rule.MinCstdcsInRun})",
                $"Trong thời gian đó chỉ có {cstdcsInRun} lần Chiến sĩ thi đua cơ sở, cần {rule.MinCstdcsInRun}");
        }
        if (rule.MinInitiatives > 0)
        {
            var from = _y - rule.InitiativeWindowYears + 1;
            var count = InitiativesIn(p, from, _y, false);
            t.Add(count >= rule.MinInitiatives,
                $"Có {count} sáng kiến được công nhận trong các năm {from}–{_y} (cần {rule.MinInitiatives})",
                $"Chỉ có {count} sáng kiến được công nhận trong các năm {from}–{_y}, cần {rule.MinInitiatives}");
        }
        return t.Result(p.Id, EligibilityCodes.BK_TTG, rule);
    }

    private EligibilityResult Ttldtt(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldtt;
        var t = new Tally();
        t.Add(f.Rating >= Rating.HTTNV,
            $"Tập thể {EligibilityCodes.RatingName(f.Rating)} năm {_y}",
            $"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa đạt hoàn thành tốt nhiệm vụ trở lên");
        t.Add((long)f.MembersLdtt * 100 > (long)rule.LdttPercentMoreThan * f.Members,
            $"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, trên {rule.LdttPercentMoreThan}%",
            $"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, cần trên {rule.LdttPercentMoreThan}%");
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            t.Add(f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                $"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên");
        }
        t.Add(f.United, "Nội bộ đoàn kết", "Chưa được xác nhận nội bộ đoàn kết");
        return t.Result(id, EligibilityCodes.TTLDTT, rule);
    }

    private EligibilityResult Ttldxs(string id, CollectiveYearFacts f)
    {
        var rule = _set.Rules.Ttldxs;
        var t = new Tally();
        t.Add(f.Rating == Rating.HTXSNV,
            $"Tập thể hoàn thành xuất sắc nhiệm vụ năm {_y}",
            $"Tập thể xếp loại {EligibilityCodes.RatingName(f.Rating)} năm {_y}, chưa hoàn thành xuất sắc nhiệm vụ");
        t.Add(f.MembersCompletedTasks >= f.Members,
            $"100% cá nhân ({f.Members}/{f.Members}) hoàn thành nhiệm vụ",
            $"Chỉ {f.MembersCompletedTasks}/{f.Members} cá nhân hoàn thành nhiệm vụ, cần 100%");
        t.Add((long)f.MembersLdtt * 100 >= (long)rule.LdttPercentAtLeast * f.Members,
            $"{f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, từ {rule.LdttPercentAtLeast}% trở lên",
            $"Chỉ {f.MembersLdtt}/{f.Members} cá nhân đạt Lao động tiên tiến, cần ít nhất {rule.LdttPercentAtLeast}%");
        t.Add(f.MembersCstdcs >= rule.MinCstdcsMembers,
            $"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở",
            $"Có {f.MembersCstdcs} cá nhân đạt Chiến sĩ thi đua cơ sở, cần ít nhất {rule.MinCstdcsMembers}");
        if (rule.NoMemberDisciplinedWarningOrAbove)
        {
            t.Add(f.MembersDisciplinedWarningOrAbove == 0,
                "Không có cá nhân bị kỷ luật từ cảnh cáo trở lên",
                $"Có {f.MembersDisciplinedWarningOrAbove} cá nhân bị kỷ luật từ cảnh cáo trở lên");
        }
        t.Add(f.United, "Nội bộ đoàn kết", "Chưa được xác nhận nội bộ đoàn kết");
        return t.Result(id, EligibilityCodes.TTLDXS, rule);
    }
}
