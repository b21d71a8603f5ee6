using GuidelineGraph.Rdf;

namespace GuidelineGraph.Reasoning.Bench;

/// <summary>
/// A deterministic LUBM-style dataset: universities with departments, faculty, students, courses, research
/// groups and publications over a small univ-bench-like schema (class and property hierarchies, domains and
/// ranges, a transitive subOrganizationOf, inverses, an equivalence, someValuesFrom and hasValue restrictions,
/// and a few sameAs links).
/// </summary>
public static class LubmGenerator
{
    public const string Ub = "http://swat.cse.lehigh.edu/onto/univ-bench.owl#";
    private static readonly Iri Type = Vocab.Rdf.Type;

    private static Iri U(string local) => new(Ub + local);

    public static List<Triple> Generate(int targetTriples, int seed = 42)
    {
        var triples = Schema();
        var rng = new Random(seed);
        for (int u = 0; triples.Count < targetTriples; u++) University(triples, rng, u);
        return triples;
    }

    private static List<Triple> Schema()
    {
        var t = new List<Triple>();
        void Sub(string c, string d) => t.Add(new(U(c), Vocab.Rdfs.SubClassOf, U(d)));
        void SubP(string p, string q) => t.Add(new(U(p), Vocab.Rdfs.SubPropertyOf, U(q)));
        void Dom(string p, string c) => t.Add(new(U(p), Vocab.Rdfs.Domain, U(c)));
        void Rng(string p, string c) => t.Add(new(U(p), Vocab.Rdfs.Range, U(c)));
        Sub("University", "Organization"); Sub("Department", "Organization"); Sub("ResearchGroup", "Organization");
        Sub("Employee", "Person"); Sub("Faculty", "Employee"); Sub("Professor", "Faculty"); Sub("Lecturer", "Faculty");
        Sub("FullProfessor", "Professor"); Sub("AssociateProfessor", "Professor"); Sub("AssistantProfessor", "Professor");
        Sub("Student", "Person"); Sub("UndergraduateStudent", "Student"); Sub("GraduateStudent", "Student");
        Sub("Course", "Work"); Sub("GraduateCourse", "Course"); Sub("Publication", "Work"); Sub("Article", "Publication");
        SubP("headOf", "worksFor"); SubP("worksFor", "memberOf");
        SubP("undergraduateDegreeFrom", "degreeFrom"); SubP("doctoralDegreeFrom", "degreeFrom");
        Dom("worksFor", "Employee"); Rng("memberOf", "Organization"); Dom("takesCourse", "Student"); Rng("takesCourse", "Course");
        Dom("teacherOf", "Faculty"); Rng("teacherOf", "Course"); Rng("advisor", "Professor"); Rng("publicationAuthor", "Person");
        Dom("degreeFrom", "Person"); Rng("degreeFrom", "University"); Rng("subOrganizationOf", "Organization");
        t.Add(new(U("subOrganizationOf"), Type, Vocab.Owl.TransitiveProperty));
        t.Add(new(U("memberOf"), Vocab.Owl.InverseOf, U("member")));
        t.Add(new(U("degreeFrom"), Vocab.Owl.InverseOf, U("hasAlumnus")));
        t.Add(new(U("colleagueOf"), Type, Vocab.Owl.SymmetricProperty));
        t.Add(new(U("Faculty"), Vocab.Owl.EquivalentClass, U("TeachingStaff")));
        t.Add(new(U("Chair"), Vocab.Owl.SomeValuesFrom, U("Department")));
        t.Add(new(U("Chair"), Vocab.Owl.OnProperty, U("headOf")));
        t.Add(new(U("Chair"), Vocab.Rdfs.SubClassOf, U("Professor")));
        t.Add(new(U("Alumnus0"), Vocab.Owl.HasValue, new Iri("http://www.University0.edu")));
        t.Add(new(U("Alumnus0"), Vocab.Owl.OnProperty, U("degreeFrom")));
        return t;
    }

    private static void University(List<Triple> t, Random rng, int u)
    {
        var univ = new Iri($"http://www.University{u}.edu");
        t.Add(new(univ, Type, U("University")));
        t.Add(new(univ, U("name"), new Literal($"University{u}")));
        Iri OtherUniversity() => new($"http://www.University{rng.Next(u + 3)}.edu");
        int departments = 12 + rng.Next(6);
        for (int d = 0; d < departments; d++)
        {
            string baseIri = $"http://www.Department{d}.University{u}.edu/";
            var dept = new Iri(baseIri.TrimEnd('/'));
            t.Add(new(dept, Type, U("Department")));
            t.Add(new(dept, U("subOrganizationOf"), univ));
            var groups = Enumerable.Range(0, 3 + rng.Next(4)).Select(g => new Iri(baseIri + "ResearchGroup" + g)).ToList();
            foreach (var g in groups) { t.Add(new(g, Type, U("ResearchGroup"))); t.Add(new(g, U("subOrganizationOf"), dept)); }
            var courses = Enumerable.Range(0, 20 + rng.Next(10)).Select(c => new Iri(baseIri + "Course" + c)).ToList();
            var gradCourses = Enumerable.Range(0, 10 + rng.Next(6)).Select(c => new Iri(baseIri + "GraduateCourse" + c)).ToList();
            foreach (var c in courses) t.Add(new(c, Type, U("Course")));
            foreach (var c in gradCourses) t.Add(new(c, Type, U("GraduateCourse")));
            var professors = new List<Iri>();
            var faculty = new List<Iri>();
            void Staff(string kind, int count)
            {
                for (int i = 0; i < count; i++)
                {
                    var p = new Iri(baseIri + kind + i);
                    t.Add(new(p, Type, U(kind)));
                    t.Add(new(p, U("worksFor"), dept));
                    t.Add(new(p, U("name"), new Literal(kind + i)));
                    t.Add(new(p, U("emailAddress"), new Literal($"{kind}{i}@Department{d}.University{u}.edu")));
                    t.Add(new(p, U("teacherOf"), courses[rng.Next(courses.Count)]));
                    t.Add(new(p, U("teacherOf"), gradCourses[rng.Next(gradCourses.Count)]));
                    t.Add(new(p, U("undergraduateDegreeFrom"), OtherUniversity()));
                    t.Add(new(p, U("doctoralDegreeFrom"), OtherUniversity()));
                    if (kind != "Lecturer") professors.Add(p);
                    faculty.Add(p);
                    for (int k = 0; k < rng.Next(4); k++)
                    {
                        var pub = new Iri($"{p.Value}/Publication{k}");
                        t.Add(new(pub, Type, U("Article")));
                        t.Add(new(pub, U("publicationAuthor"), p));
                    }
                }
            }
            Staff("FullProfessor", 7 + rng.Next(3));
            Staff("AssociateProfessor", 10 + rng.Next(4));
            Staff("AssistantProfessor", 8 + rng.Next(3));
            Staff("Lecturer", 5 + rng.Next(3));
            t.Add(new(professors[0], U("headOf"), dept));
            for (int i = 0; i + 1 < faculty.Count; i += 2) t.Add(new(faculty[i], U("colleagueOf"), faculty[i + 1]));
            for (int s = 0; s < 60 + rng.Next(30); s++)
            {
                var st = new Iri(baseIri + "UndergraduateStudent" + s);
                t.Add(new(st, Type, U("UndergraduateStudent")));
                t.Add(new(st, U("memberOf"), dept));
                for (int k = 0; k < 2 + rng.Next(3); k++) t.Add(new(st, U("takesCourse"), courses[rng.Next(courses.Count)]));
                if (rng.Next(5) == 0) t.Add(new(st, U("advisor"), professors[rng.Next(professors.Count)]));
            }
            for (int s = 0; s < 15 + rng.Next(10); s++)
            {
                var st = new Iri(baseIri + "GraduateStudent" + s);
                t.Add(new(st, Type, U("GraduateStudent")));
                t.Add(new(st, U("memberOf"), groups[rng.Next(groups.Count)]));
                t.Add(new(st, U("undergraduateDegreeFrom"), OtherUniversity()));
                t.Add(new(st, U("advisor"), professors[rng.Next(professors.Count)]));
                for (int k = 0; k < 1 + rng.Next(3); k++) t.Add(new(st, U("takesCourse"), gradCourses[rng.Next(gradCourses.Count)]));
                if (rng.Next(40) == 0) t.Add(new(st, Vocab.Owl.SameAs, new Iri($"{st.Value}/alias")));
            }
        }
    }
}
