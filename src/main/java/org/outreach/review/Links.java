package org.outreach.review;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.outreach.campaign.Contact;
import org.outreach.campaign.Segment;
import org.outreach.campaign.Step;

/** Where the review pages point: the live server's addresses, or the files of a static copy. */
public interface Links {

    String overview();

    String message(Segment segment, Step step, Contact contact);

    String stylesheet();

    /** Whether a server answers forms (the contact picker, the approval). */
    boolean live();

    /** The addresses of {@link ReviewServer}. */
    Links SERVER = new Links() {
        @Override
        public String overview() {
            return "/";
        }

        @Override
        public String message(Segment segment, Step step, Contact contact) {
            return "/message?segment=" + u(segment.name()) + "&step=" + u(step.name())
                    + (contact == null ? "" : "&contact=" + u(contact.email().value()));
        }

        @Override
        public String stylesheet() {
            return "/style.css";
        }

        @Override
        public boolean live() {
            return true;
        }
    };

    /** The files {@code preview --out} writes, side by side in one folder. */
    Links FILES = new Links() {
        @Override
        public String overview() {
            return "index.html";
        }

        @Override
        public String message(Segment segment, Step step, Contact contact) {
            return fileName(segment, step, contact) + ".html";
        }

        @Override
        public String stylesheet() {
            return "style.css";
        }

        @Override
        public boolean live() {
            return false;
        }
    };

    /** A message's file name, without extension: segment, step and contact, safe on every file system. */
    public static String fileName(Segment segment, Step step, Contact contact) {
        return (segment.name() + "--" + step.name() + "--" + contact.email().key()).replaceAll("[^A-Za-z0-9@._-]", "_");
    }

    private static String u(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
