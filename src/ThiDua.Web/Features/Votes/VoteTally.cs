namespace ThiDua.Features.Votes;

/// <summary>The count of one candidate: votes, shares, elected or not.</summary>
public sealed record CandidateTally(int CandidateId, int UnitId, string Unit, int Order, int Votes, double ShareOfValid, double ShareOfPresent, bool PassesThreshold, bool Elected);

/// <summary>The count of one question (one form of commendation).</summary>
public sealed record QuestionTally(
    int QuestionId, string AwardCode, int Places, decimal QuorumPercent, decimal ThresholdPercent, ThresholdBase ThresholdOf, string LegalBasis,
    int Valid, int Invalid, bool QuorumMet, IReadOnlyList<CandidateTally> Candidates, string? Note)
{
    public IEnumerable<CandidateTally> Elected => Candidates.Where(c => c.Elected);
}

/// <summary>The whole count (biên bản kiểm phiếu): ballots issued (delegates), cast (present), and per question.</summary>
public sealed record SessionTally(int Issued, int Cast, int Spoiled, IReadOnlyList<QuestionTally> Questions);

/// <summary>What the count needs, read from the database or built by a test.</summary>
public sealed record TallyQuestionInput(int QuestionId, string AwardCode, int Places, decimal QuorumPercent, decimal ThresholdPercent, ThresholdBase ThresholdOf, string LegalBasis,
    IReadOnlyList<(int CandidateId, int UnitId, string Unit, int Order)> Candidates);

public sealed record TallyBallotInput(bool Spoiled, IReadOnlyCollection<int> CandidateIds);

/// <summary>
/// Counts ballots (pure). A ballot is invalid for a question when it was recorded spoiled, or when it ticks more
/// candidates of that question than there are places; a blank answer is valid (it supports nobody). Quorum: ballots
/// cast &gt; QuorumPercent of ballots issued. Elected: votes &gt; ThresholdPercent of the base (present or valid), best
/// first up to the places; candidates tied for the last place are all left unelected ("hòa phiếu ở suất cuối"),
/// since no tie-break rule is known (legal-rules.md §3 "Bình xét" ❌) — the conference votes again.
/// </summary>
public static class VoteCounter
{
    public static SessionTally Count(int issued, IReadOnlyList<TallyQuestionInput> questions, IReadOnlyList<TallyBallotInput> ballots)
    {
        var cast = ballots.Count;
        var spoiled = ballots.Count(b => b.Spoiled);
        var result = new List<QuestionTally>();
        foreach (var q in questions)
        {
            var ids = q.Candidates.Select(c => c.CandidateId).ToHashSet();
            var votes = q.Candidates.ToDictionary(c => c.CandidateId, _ => 0);
            var valid = 0;
            foreach (var b in ballots)
            {
                if (b.Spoiled) continue;
                var marks = b.CandidateIds.Where(ids.Contains).Distinct().ToList();
                if (marks.Count > q.Places) continue;
                valid++;
                foreach (var m in marks) votes[m]++;
            }
            var quorum = issued > 0 && cast * 100m > q.QuorumPercent * issued;
            var baseCount = q.ThresholdOf == ThresholdBase.Valid ? valid : cast;
            bool Passes(int v) => baseCount > 0 && v * 100m > q.ThresholdPercent * baseCount;
            var passing = q.Candidates.Where(c => quorum && Passes(votes[c.CandidateId]))
                .OrderByDescending(c => votes[c.CandidateId]).ThenBy(c => c.Order).ToList();
            var elected = new HashSet<int>();
            string? note = null;
            if (passing.Count <= q.Places) elected.UnionWith(passing.Select(c => c.CandidateId));
            else
            {
                var last = votes[passing[q.Places - 1].CandidateId];
                var tiedBeyond = votes[passing[q.Places].CandidateId] == last;
                foreach (var c in passing.Take(q.Places))
                {
                    if (!tiedBeyond || votes[c.CandidateId] > last) elected.Add(c.CandidateId);
                }
                if (tiedBeyond)
                    note = $"Có {passing.Count(c => votes[c.CandidateId] == last)} đơn vị cùng {last} phiếu ở suất cuối: các đơn vị này chưa trúng, cần bỏ phiếu lại (Quy chế của Khối chưa quy định cách phá hòa).";
            }
            if (!quorum) note = $"Không đủ số đại biểu: {cast}/{issued} đại biểu bỏ phiếu, cần trên {q.QuorumPercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}%; không đơn vị nào trúng.";
            result.Add(new QuestionTally(q.QuestionId, q.AwardCode, q.Places, q.QuorumPercent, q.ThresholdPercent, q.ThresholdOf, q.LegalBasis, valid, cast - valid, quorum,
                q.Candidates.OrderBy(c => c.Order).Select(c => new CandidateTally(c.CandidateId, c.UnitId, c.Unit, c.Order, votes[c.CandidateId],
                    valid == 0 ? 0 : (double)votes[c.CandidateId] / valid, cast == 0 ? 0 : (double)votes[c.CandidateId] / cast,
                    quorum && Passes(votes[c.CandidateId]), elected.Contains(c.CandidateId))).ToList(), note));
        }
        return new SessionTally(issued, cast, spoiled, result);
    }
}
