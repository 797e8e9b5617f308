package dev.fakeecs.internal.protocol.query;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Writes AWS Query XML answers with the JDK's own StAX writer (which escapes; never another provider found on
 * the class path, so the bytes are the same everywhere): an operation's
 * {@code <OpResponse xmlns=..><OpResult>..</OpResult><ResponseMetadata><RequestId>..</RequestId>
 * </ResponseMetadata></OpResponse>} from an SDK response generically over its {@code SdkField}s (list items
 * {@code <member>}, an empty list {@code <TargetGroups/>}, null and untouched members left out, ISO-8601
 * timestamps with milliseconds, {@code true}/{@code false}, maps as {@code <entry><key>..</key><value>..</value>
 * </entry>}), and {@code <ErrorResponse>}s. Characters XML 1.0 cannot carry are written as U+FFFD.
 *
 * <pre>{@code
 * byte[] xml = QueryXmlWriter.response(ns, "DescribeTargetGroups", response, requestId);
 * }</pre>
 */
final class QueryXmlWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private QueryXmlWriter() {
    }

    /**
     * The answer to a successful operation. The result element is always there, empty for a response without
     * members ({@code <DeleteTargetGroupResult/>}): botocore's Query parser looks for it whenever the operation
     * has an output shape, as every Elastic Load Balancing v2 operation does, and skips it when there is none.
     */
    static byte[] response(String namespace, String operation, SdkPojo response, String requestId) {
        return write(xml -> {
            xml.writeStartElement(operation + "Response");
            xml.writeDefaultNamespace(namespace);
            if (response != null && hasPayload(response)) {
                xml.writeStartElement(operation + "Result");
                members(xml, response);
                xml.writeEndElement();
            } else {
                xml.writeEmptyElement(operation + "Result");
            }
            xml.writeStartElement("ResponseMetadata");
            text(xml, "RequestId", requestId);
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** An error answer. */
    static byte[] error(String namespace, String type, String code, String message, String requestId) {
        return write(xml -> {
            xml.writeStartElement("ErrorResponse");
            xml.writeDefaultNamespace(namespace);
            xml.writeStartElement("Error");
            text(xml, "Type", type);
            text(xml, "Code", code);
            text(xml, "Message", message);
            xml.writeEndElement();
            text(xml, "RequestId", requestId);
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the XML answer", e);
        }
        return out.toByteArray();
    }

    private static boolean hasPayload(SdkPojo pojo) {
        for (SdkField<?> field : pojo.sdkFields()) {
            if (isPayload(field)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isPayload(SdkField<?> field) {
        return field.location() == null || field.location() == MarshallLocation.PAYLOAD;
    }

    private static void members(XMLStreamWriter xml, Object pojo) throws XMLStreamException {
        for (SdkField<?> field : ((SdkPojo) pojo).sdkFields()) {
            if (!isPayload(field)) {
                continue;
            }
            Object value = field.getValueOrDefault(pojo);
            if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
                continue;
            }
            value(xml, field, field.locationName(), value);
        }
    }

    private static void value(XMLStreamWriter xml, SdkField<?> field, String element, Object value)
            throws XMLStreamException {
        switch (field.marshallingType().getKnownType()) {
            case SDK_POJO:
                xml.writeStartElement(element);
                members(xml, value);
                xml.writeEndElement();
                return;
            case LIST:
                list(xml, field.getRequiredTrait(ListTrait.class), element, (List<?>) value);
                return;
            case MAP:
                map(xml, field.getRequiredTrait(MapTrait.class), element, (Map<?, ?>) value);
                return;
            default:
                text(xml, element, scalar(value));
        }
    }

    private static void list(XMLStreamWriter xml, ListTrait trait, String element, List<?> list)
            throws XMLStreamException {
        String memberName = trait.memberLocationName() == null ? "member" : trait.memberLocationName();
        if (trait.isFlattened()) {
            for (Object item : list) {
                if (item != null) {
                    value(xml, trait.memberFieldInfo(), element, item);
                }
            }
            return;
        }
        if (list.isEmpty()) {
            xml.writeEmptyElement(element);
            return;
        }
        xml.writeStartElement(element);
        for (Object item : list) {
            if (item != null) {
                value(xml, trait.memberFieldInfo(), memberName, item);
            }
        }
        xml.writeEndElement();
    }

    private static void map(XMLStreamWriter xml, MapTrait trait, String element, Map<?, ?> map)
            throws XMLStreamException {
        String keyName = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
        String valueName = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
        if (!trait.isFlattened()) {
            if (map.isEmpty()) {
                xml.writeEmptyElement(element);
                return;
            }
            xml.writeStartElement(element);
        }
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() == null) {
                continue;
            }
            xml.writeStartElement(trait.isFlattened() ? element : "entry");
            text(xml, keyName, String.valueOf(entry.getKey()));
            value(xml, trait.valueFieldInfo(), valueName, entry.getValue());
            xml.writeEndElement();
        }
        if (!trait.isFlattened()) {
            xml.writeEndElement();
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Instant) {
            return TIMESTAMP.format((Instant) value);
        }
        if (value instanceof SdkBytes) {
            return Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArrayUnsafe());
        }
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return String.valueOf(value);
    }

    private static void text(XMLStreamWriter xml, String element, String text) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeCharacters(clean(text));
        xml.writeEndElement();
    }

    /** The text with every character XML 1.0 cannot carry (controls, lone surrogates, U+FFFE/F) as U+FFFD. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(ok ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }
}
