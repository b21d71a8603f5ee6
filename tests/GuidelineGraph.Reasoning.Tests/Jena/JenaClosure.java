// Reference closure for the differential tests and the benchmark: loads N-Triples, applies a rule file in
// Jena's rule syntax with GenericRuleReasoner (forward RETE) and writes the whole closure as N-Triples.
// Usage: java -cp <jena classpath>:<dir> JenaClosure <rules.jena> <input.nt> <output.nt> [repetitions]
// Prints "jena triples=N inferred_ms=T" per repetition (load excluded, materialisation included).
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Triple;
import org.apache.jena.rdf.model.InfModel;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.reasoner.rulesys.GenericRuleReasoner;
import org.apache.jena.reasoner.rulesys.Rule;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.riot.RDFFormat;

public class JenaClosure {
    public static void main(String[] args) throws Exception {
        List<Rule> rules = Rule.parseRules(Files.readString(Path.of(args[0])));
        Model data = ModelFactory.createDefaultModel();
        RDFDataMgr.read(data, args[1], Lang.NTRIPLES);
        int reps = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        InfModel inf = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            GenericRuleReasoner reasoner = new GenericRuleReasoner(rules);
            reasoner.setMode(GenericRuleReasoner.FORWARD_RETE);
            inf = ModelFactory.createInfModel(reasoner, data);
            inf.prepare();
            long size = inf.getGraph().size();
            System.out.printf("jena triples=%d inferred_ms=%.1f%n", size, (System.nanoTime() - t0) / 1e6);
        }
        Graph g = inf.getGraph();
        try (OutputStream out = new FileOutputStream(args[2])) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.NTRIPLES);
            writer.start();
            g.find().forEachRemaining(writer::triple);
            writer.finish();
        }
    }
}
