using GuidelineGraph.Sparql.Syntax.Algebra;

namespace GuidelineGraph.Sparql.Syntax.Tests;

public sealed class UpdateTests
{
    private static string Algebra(string update)
    {
        var result = SparqlParser.ParseUpdate("PREFIX : <http://example/> " + update);
        Assert.True(result.Success, result.Error?.ToString());
        return AlgebraTests.Normalize(Sse.Write(result.Value!));
    }

    [Fact]
    public void SequenceOfOperations()
    {
        Assert.Equal(
            "(update (insert-data (quad _ :s :p \"o\") (quad :g :s :p 1)) " +
            "(modify (delete (quad _ ?s :p ?o) (quad :g ?s ?q ?r)) (join (bgp (triple ?s :p ?o)) (graph :g (bgp (triple ?s ?q ?r))))) " +
            "(clear silent :g) (drop all) (create :h) (move default :g) (add silent :g default) (copy :g :h) " +
            "(load :data.ttl :h) (load silent :other.ttl))",
            Algebra("""
                INSERT DATA { :s :p "o" GRAPH :g { :s :p 1 } } ;
                DELETE WHERE { ?s :p ?o GRAPH :g { ?s ?q ?r } } ;
                CLEAR SILENT GRAPH :g ; DROP ALL ; CREATE GRAPH :h ;
                MOVE DEFAULT TO :g ; ADD SILENT GRAPH :g TO DEFAULT ; COPY :g TO :h ;
                LOAD <http://example/data.ttl> INTO GRAPH :h ; LOAD SILENT <http://example/other.ttl> ;
                """));
    }

    [Fact]
    public void ModifyWithUsing()
    {
        Assert.Equal(
            "(update (modify (with :g) (using :h (named :i)) (delete (quad _ ?s :p ?o)) (insert (quad _ ?s :q _:b0)) (bgp (triple ?s :p ?o))))",
            Algebra("WITH :g DELETE { ?s :p ?o } INSERT { ?s :q [] } USING :h USING NAMED :i WHERE { ?s :p ?o }"));
    }

    [Fact]
    public void InsertWhereAndDeleteData()
    {
        Assert.Equal(
            "(update (modify (insert (quad ?g ?s :p ?o)) (graph ?g (bgp (triple ?s :q ?o)))) (delete-data (quad _ :a :b :c)))",
            Algebra("INSERT { GRAPH ?g { ?s :p ?o } } WHERE { GRAPH ?g { ?s :q ?o } } ; PREFIX x: <http://example/> DELETE DATA { x:a x:b x:c }"));
    }

    [Fact]
    public void EmptyRequestsAreValid()
    {
        Assert.True(SparqlParser.ParseUpdate("").Success);
        Assert.True(SparqlParser.ParseUpdate("PREFIX : <http://example/>").Success);
        Assert.Empty(SparqlParser.ParseUpdate("# nothing").Value!.Operations);
    }
}
