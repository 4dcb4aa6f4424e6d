package org.outreach.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.outreach.campaign.Campaign;
import org.outreach.campaign.Contact;
import org.outreach.campaign.Location;
import org.outreach.campaign.Problems;
import org.outreach.campaign.RenderedEmail;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;
import org.outreach.render.MailTemplates;
import org.outreach.campaign.RenderException;
import org.outreach.render.StepTemplate;
import org.outreach.store.Campaigns;
import org.outreach.store.Store;
import org.outreach.workspace.CampaignReader;
import org.outreach.workspace.Workspace;

/**
 * A campaign as it was last launched, read back from the copy kept in the database: its definition and its
 * templates. Messages are rendered from this, never from the files as they are now.
 */
public final class LaunchedCampaign {

    private static final String TEMPLATES = "templates/";

    private final Campaigns.Launched row;
    private final Campaign campaign;
    private final MailTemplates templates;
    /** Compiled on first use; shared by the connections of a mailbox, each rendering in its own thread. */
    private final Map<String, Optional<StepTemplate>> compiled = new ConcurrentHashMap<>();

    private LaunchedCampaign(Campaigns.Launched row, Campaign campaign, MailTemplates templates) {
        this.row = row;
        this.campaign = campaign;
        this.templates = templates;
    }

    public static LaunchedCampaign load(Store store, Workspace workspace, long campaignId) {
        Campaigns.Launched row = store.campaigns().byId(campaignId);
        Map<String, String> files = store.campaigns().files(campaignId);
        Problems problems = new Problems();
        Path definition = workspace.root().resolve(row.definitionPath());
        Campaign campaign = Optional.ofNullable(files.get(row.definitionPath()))
                .flatMap(text -> CampaignReader.asLaunched(workspace).read(definition, text, problems))
                .orElseThrow(() -> new IllegalStateException("bug: the kept definition of campaign " + row.campaignKey()
                        + " does not read back: " + problems.list()));
        Map<String, String> sources = new LinkedHashMap<>();
        files.forEach((path, text) -> {
            if (path.startsWith(TEMPLATES)) {
                sources.put(path.substring(TEMPLATES.length()), text);
            }
        });
        return new LaunchedCampaign(row, campaign, MailTemplates.ofSources(sources, "templates (as launched)", workspace.root()));
    }

    public Campaign campaign() {
        return campaign;
    }

    public Campaigns.Launched row() {
        return row;
    }

    /**
     * Renders one step for one contact.
     *
     * @throws RenderException when the kept templates fail for this contact (their data changed since launch)
     */
    public RenderedEmail render(String segmentName, String stepName, Contact contact) {
        Segment segment = campaign.segment(segmentName).orElseThrow(() -> new RenderException(
                Location.of(row.definitionPath()), "segment " + segmentName + " is no longer in the campaign"));
        Step step = campaign.step(stepName).orElseThrow(() -> new RenderException(
                Location.of(row.definitionPath()), "step " + stepName + " is no longer in the campaign"));
        Problems problems = new Problems();
        StepTemplate template = compiled.computeIfAbsent(segmentName + "/" + stepName,
                key -> templates.compile(campaign, segment, step, problems)).orElseThrow(() -> new RenderException(
                        Location.of(row.definitionPath()),
                        "the template of " + segmentName + " × " + stepName + " does not compile: " + problems.list()));
        return templates.render(template, contact);
    }
}
