package org.repgap.plots;

import java.awt.geom.Path2D;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Test helper: parses SVG as XML (no DTD fetch) and pulls out texts and paths. */
final class Svg {
    final Document doc;

    Svg(byte[] bytes) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setNamespaceAware(true);
        DocumentBuilder b = f.newDocumentBuilder();
        doc = b.parse(new ByteArrayInputStream(bytes));
    }

    Element root() {
        return doc.getDocumentElement();
    }

    List<String> texts() {
        List<String> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    /** Paths whose style contains {@code styleFragment}. */
    List<Element> paths(String styleFragment) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = doc.getElementsByTagNameNS("*", "path");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (e.getAttribute("style").contains(styleFragment)) {
                out.add(e);
            }
        }
        return out;
    }

    /** The vertices of an absolute {@code M x,y L x,y ... Z} path. */
    static List<double[]> vertices(String d) {
        List<double[]> out = new ArrayList<>();
        for (String tok : d.trim().split("\\s*[MLZ]\\s*")) {
            if (tok.isBlank()) {
                continue;
            }
            String[] xy = tok.trim().split("[ ,]+");
            out.add(new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])});
        }
        return out;
    }

    static Path2D polygon(String d) {
        Path2D.Double p = new Path2D.Double();
        List<double[]> v = vertices(d);
        for (int i = 0; i < v.size(); i++) {
            if (i == 0) {
                p.moveTo(v.get(i)[0], v.get(i)[1]);
            } else {
                p.lineTo(v.get(i)[0], v.get(i)[1]);
            }
        }
        p.closePath();
        return p;
    }
}
