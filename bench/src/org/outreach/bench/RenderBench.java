package org.outreach.bench;

import java.io.File;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import freemarker.cache.FileTemplateLoader;
import freemarker.template.Configuration;
import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.engine.Validation;
import org.outreach.engine.Validator;
import org.outreach.render.MailTemplates;
import org.outreach.render.StepTemplate;
import org.outreach.render.TemplateData;
import org.outreach.workspace.Workspace;

/**
 * Render throughput of a campaign's templates (bench/run, item 2), in one JVM, side by side:
 * <ul>
 * <li>outreach: {@code MailTemplates.render} of the templates the project compiled once (what sending does);</li>
 * <li>reference: a new FreeMarker {@code Configuration} per message, configured the same way, loading, parsing and
 * processing the same template file for the same contact.</li>
 * </ul>
 * Usage: {@code RenderBench WORKSPACE CAMPAIGN MESSAGES}. Prints {@code outreach_per_s=… reference_per_s=… messages=… chars=…}.
 */
public final class RenderBench {

    record Job(StepTemplate template, Contact contact) {
    }

    public static void main(String[] args) throws Exception {
        Workspace workspace = new Workspace(Path.of(args[0]).toAbsolutePath());
        Path file = workspace.campaignFile(args[1], workspace.root());
        int messages = Integer.parseInt(args[2]);
        Validation validation = new Validator(workspace).validate(file).orThrow();
        MailTemplates templates = validation.templates();
        Campaign campaign = validation.definition();
        List<Job> jobs = new ArrayList<>();
        for (Map.Entry<Segment, List<Contact>> e : validation.bySegment().entrySet()) {
            for (Step step : campaign.steps()) {
                StepTemplate t = validation.compiled().get(Validation.SegmentStep.of(e.getKey(), step));
                for (Contact c : e.getValue()) {
                    jobs.add(new Job(t, c));
                }
            }
        }
        File templatesDir = workspace.templates().toFile();
        // Warm-up of both (JIT), then the measured runs, alternated twice; the best of the two is kept for each.
        long sink = 0;
        sink += outreach(templates, jobs, Math.min(messages, 2000));
        sink += reference(templatesDir, jobs, Math.min(messages, 500));
        double best = 0, bestRef = 0;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            sink += outreach(templates, jobs, messages);
            long t1 = System.nanoTime();
            sink += reference(templatesDir, jobs, messages);
            long t2 = System.nanoTime();
            best = Math.max(best, messages / ((t1 - t0) / 1e9));
            bestRef = Math.max(bestRef, messages / ((t2 - t1) / 1e9));
        }
        System.out.printf("outreach_per_s=%.0f reference_per_s=%.0f messages=%d jobs=%d chars=%d%n",
                best, bestRef, messages, jobs.size(), sink);
    }

    private static long outreach(MailTemplates templates, List<Job> jobs, int messages) {
        long chars = 0;
        for (int i = 0; i < messages; i++) {
            Job job = jobs.get(i % jobs.size());
            chars += templates.render(job.template(), job.contact()).text().length();
        }
        return chars;
    }

    private static long reference(File templatesDir, List<Job> jobs, int messages) throws Exception {
        long chars = 0;
        for (int i = 0; i < messages; i++) {
            Job job = jobs.get(i % jobs.size());
            Configuration cfg = MailTemplates.configuration(new FileTemplateLoader(templatesDir));
            StringWriter out = new StringWriter();
            cfg.getTemplate(job.template().textName()).process(TemplateData.of(job.template().campaign(), job.template().segment(),
                    job.template().step(), job.contact()), out);
            chars += out.getBuffer().length();
        }
        return chars;
    }
}
