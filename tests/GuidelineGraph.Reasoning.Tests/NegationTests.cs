using GuidelineGraph.Reasoning.Evaluation;
using GuidelineGraph.Reasoning.Rules;
using static GuidelineGraph.Reasoning.Tests.TestSupport;

namespace GuidelineGraph.Reasoning.Tests;

public class NegationTests
{
    private const string Eligibility = """
        [reach1: (?x ex:reaches ?y) <- (?x ex:edge ?y)]
        [reach2: (?x ex:reaches ?z) <- (?x ex:reaches ?y), (?y ex:edge ?z)]
        [unreached: (?x ex:cannotReach ?y) <- (?x ex:node ex:yes), (?y ex:node ex:yes), not (?x ex:reaches ?y), ?x != ?y]
        [lonely: (?x ex:status ex:lonely) <- (?x ex:node ex:yes), not (?x ex:cannotReach ex:hub)]
        """;

    [Fact]
    public void Strata_put_negated_relations_first()
    {
        var program = Program(Eligibility);
        Assert.Equal(3, program.Strata.Length);
        Assert.Equal([0, 0, 1, 2], program.StratumOf.ToArray());
    }

    [Fact]
    public void Negation_as_failure_is_evaluated_over_complete_lower_strata()
    {
        var model = new Materialization(Program(Eligibility), [
            T("a", "node", "yes"), T("b", "node", "yes"), T("hub", "node", "yes"),
            T("a", "edge", "b"), T("b", "edge", "hub"),
        ]);
        static string Local(Rdf.Term t) => t.ToString().Trim('<', '>')[Ex.Length..];
        var cannot = model.Match(null, I("cannotReach"), null).Select(t => Local(t.Subject) + "->" + Local(t.Object)).Order();
        // a reaches b and hub; b reaches hub; hub reaches nothing.
        Assert.Equal(["b->a", "hub->a", "hub->b"], cannot);
        // a and b reach hub, and hub is never "cannotReach" itself (?x != ?y): all three are lonely.
        Assert.Equal(3, model.Match(null, I("status"), I("lonely")).Count());

        // Cut b -> hub: now a and b cannot reach hub and stop being lonely.
        model.Remove([T("b", "edge", "hub")]);
        Assert.True(model.Contains(T("a", "cannotReach", "hub")));
        Assert.False(model.Contains(T("a", "status", "lonely")));
        Assert.False(model.Contains(T("b", "status", "lonely")));
        Assert.True(model.Contains(T("hub", "status", "lonely")));
    }

    [Fact]
    public void A_cycle_through_negation_is_an_error_naming_the_rules_with_positions()
    {
        var doc = RuleParser.Parse("""
            PREFIX ex: <http://example.org/>
            [win:  (?x ex:wins ?y)  <- (?x ex:plays ?y), not (?y ex:wins ?x)]
            [lose: (?x ex:loses ?y) <- (?x ex:plays ?y), not (?x ex:wins ?y)]
            [tie:  (?x ex:ties ?y) <- (?x ex:plays ?y), not (?x ex:draws ?y)]
            [draw: (?x ex:draws ?y) <- (?x ex:ties ?y)]
            """, "game.rules");
        Assert.True(doc.Succeeded);
        Assert.False(RuleProgram.TryCreate(doc.Rules, out _, out var errors));
        Assert.Equal(2, errors.Length);
        Assert.Equal("game.rules:2:50", errors[0].Span.ToString());
        Assert.Contains("rule win negates (?y <http://example.org/wins> ?x)", errors[0].Message);
        Assert.Contains("win (game.rules:2:1)", errors[0].Message);
        Assert.Equal("game.rules:4:49", errors[1].Span.ToString());
        Assert.Contains("tie (game.rules:4:1)", errors[1].Message);
        Assert.Contains("draw (game.rules:5:1)", errors[1].Message);
    }
}
